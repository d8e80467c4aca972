package org.sitrep.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.App;
import org.sitrep.config.ConfigLoader;
import org.sitrep.testing.ClusterSession;

/**
 * docker-compose.yml, without Docker: valid against the Compose Specification's JSON schema (vendored in
 * src/test/resources/compose), and consistent with itself and with Sitrep: dependencies and volumes exist, images are
 * pinned, the app's commands and environment are ones Sitrep accepts, its health check probes the port it serves.
 */
class ComposeFileTest {
    static final YAMLMapper YAML = new YAMLMapper();
    static final String APP_IMAGE = "sitrep:local";
    static JsonNode compose;
    static JsonSchema schema;

    @BeforeAll
    static void load() throws IOException {
        compose = YAML.readTree(ClusterSession.repoFile("docker-compose.yml").toFile());
        // Loaded by location, so that the schema's relative $id ("compose_spec.json") resolves against it.
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(SchemaLocation.of("classpath:compose/compose-spec.json"));
    }

    @Test
    void isValidAgainstTheComposeSpecification() {
        assertThat(schema.validate(compose)).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatComposeRejects() {
        ObjectNode typo = compose.deepCopy();
        ((ObjectNode) typo.path("services").path("sitrep")).put("restrat", "always");
        ObjectNode badDepends = compose.deepCopy();
        ((ObjectNode) badDepends.path("services").path("replay").path("depends_on").path("sitrep"))
            .put("condition", "service_ready");
        ObjectNode badVolumes = compose.deepCopy();
        badVolumes.put("volumes", "kafka-data");

        for (JsonNode broken : List.of(typo, badDepends, badVolumes)) {
            Set<ValidationMessage> errors = schema.validate(broken);
            assertThat(errors).isNotEmpty();
        }
    }

    @Test
    void everyDependencyIsAServiceAndNoServiceDependsOnItself() {
        Set<String> names = serviceNames();
        services().forEach((name, service) -> {
            for (String dep : dependencies(service)) {
                assertThat(names).as("%s depends on %s", name, dep).contains(dep);
                assertThat(dep).isNotEqualTo(name);
            }
        });
    }

    @Test
    void aDependencyOnHealthNeedsAHealthCheck() {
        services().forEach((name, service) -> service.path("depends_on").fields().forEachRemaining(dep -> {
            if (dep.getValue().path("condition").asText().equals("service_healthy")) {
                assertThat(services().get(dep.getKey()).has("healthcheck"))
                    .as("%s waits for %s to be healthy", name, dep.getKey()).isTrue();
            }
        }));
    }

    @Test
    void namedVolumesAreDeclaredAndBindMountsExist() {
        Set<String> declared = new TreeSet<>();
        compose.path("volumes").fieldNames().forEachRemaining(declared::add);
        Set<String> used = new TreeSet<>();
        services().forEach((name, service) -> service.path("volumes").forEach(v -> {
            String source = v.isTextual() ? v.asText().split(":")[0] : v.path("source").asText();
            if (source.startsWith(".") || source.startsWith("/")) {
                assertThat(ClusterSession.repoFile(source.substring(source.startsWith("./") ? 2 : 0)))
                    .as("%s mounts %s", name, source).exists();
            } else {
                used.add(source);
                assertThat(declared).as("%s uses volume %s", name, source).contains(source);
            }
        }));
        assertThat(used).as("no declared volume is unused").isEqualTo(declared);
    }

    @Test
    void imagesArePinned() {
        services().forEach((name, service) -> {
            String image = service.path("image").asText();
            assertThat(image).as("%s has an image", name).isNotEmpty();
            String afterRegistry = image.substring(image.lastIndexOf('/') + 1);
            assertThat(afterRegistry).as("%s is pinned to a tag", name).contains(":");
            String tag = afterRegistry.substring(afterRegistry.indexOf(':') + 1);
            assertThat(tag).as("%s's tag", name).isNotBlank().isNotEqualTo("latest");
        });
    }

    @Test
    void theAppImageIsBuiltHereAndItsCommandsAreRealSitrepCommands() {
        List<String> appServices = new ArrayList<>();
        services().forEach((name, service) -> {
            if (!service.path("image").asText().equals(APP_IMAGE)) {
                return;
            }
            appServices.add(name);
            List<String> command = new ArrayList<>();
            service.path("command").forEach(c -> command.add(c.asText()));
            assertThat(command).as("%s command", name).isNotEmpty();
            assertThatCode(() -> App.commandLine().parseArgs(command.toArray(String[]::new)))
                .as("sitrep %s", String.join(" ", command)).doesNotThrowAnyException();
        });
        assertThat(appServices).containsExactlyInAnyOrder("topics", "sitrep", "replay");
        assertThat(services().get("sitrep").has("build")).isTrue();
        assertThat(services().get("topics").has("build")).isTrue();
    }

    @Test
    void theAppsEnvironmentHoldsOnlySitrepSettings() {
        services().forEach((name, service) -> {
            if (!service.path("image").asText().equals(APP_IMAGE)) {
                return;
            }
            Map<String, String> env = environment(service);
            Map<String, String> settings = ConfigLoader.fromEnv(env);
            assertThat(settings.size()).as("%s: every variable is a Sitrep setting", name).isEqualTo(env.size());
            settings.keySet().forEach(key -> assertThat(ConfigLoader.DEFAULTS.containsKey(key)
                || key.startsWith("kafka.") || key.startsWith("registry.")).as("%s: %s", name, key).isTrue());
            assertThatCode(() -> ConfigLoader.load(null, env, Map.of())).as(name).doesNotThrowAnyException();
        });
    }

    @Test
    void theAppsHealthCheckProbesThePortItServes() {
        JsonNode sitrep = services().get("sitrep");
        int port = ConfigLoader.load(null, environment(sitrep), Map.of()).httpPort();
        String check = String.join(" ", texts(sitrep.path("healthcheck").path("test")));
        assertThat(check).contains("/dev/tcp/127.0.0.1/" + port).contains("GET /health ");
        assertThat(texts(sitrep.path("ports"))).anyMatch(p -> p.endsWith(":" + port));
    }

    @Test
    void theFeedIsReplayedOnceTheAppIsHealthyAndTheUiIsOptional() {
        JsonNode replay = services().get("replay");
        assertThat(replay.path("depends_on").path("sitrep").path("condition").asText()).isEqualTo("service_healthy");
        List<String> command = texts(replay.path("command"));
        String input = command.get(command.indexOf("--input") + 1);
        assertThat(input).startsWith("/data/");
        assertThat(texts(replay.path("volumes"))).contains("./data:/data:ro");
        assertThat(ClusterSession.repoFile("data/" + input.substring("/data/".length()))).exists();

        services().forEach((name, service) -> {
            if (name.equals("kafka-ui")) {
                assertThat(texts(service.path("profiles"))).containsExactly("ui");
            } else {
                assertThat(service.has("profiles")).as("%s runs by default", name).isFalse();
            }
        });
    }

    @Test
    void topicsAreCreatedOnPurposeOnly() {
        Map<String, String> kafkaEnv = environment(services().get("kafka"));
        assertThat(kafkaEnv).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        assertThat(ClusterSession.repoFile("Dockerfile")).as("what `build: .` builds").exists();
    }

    private static Map<String, JsonNode> services() {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        compose.path("services").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
        assertThat(m).isNotEmpty();
        return m;
    }

    private static Set<String> serviceNames() {
        return new TreeSet<>(services().keySet());
    }

    private static List<String> dependencies(JsonNode service) {
        JsonNode deps = service.path("depends_on");
        List<String> out = new ArrayList<>();
        if (deps.isArray()) {
            deps.forEach(d -> out.add(d.asText()));
        } else {
            deps.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = service.path("environment");
        if (e.isArray()) {
            e.forEach(v -> {
                String[] kv = v.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        } else {
            e.fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().asText()));
        }
        return env;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
