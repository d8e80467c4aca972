package org.sitrep.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.api.HealthServer;
import org.sitrep.config.ConfigLoader;
import org.sitrep.config.SitrepConfig;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.testing.ClusterSession;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.TopicSpec;
import org.sitrep.topology.Topics;

/**
 * deploy/k8s (kustomize base and example overlay) and deploy/grafana, without a cluster: every manifest parses and
 * has the fields its kind needs, and the pieces agree with each other and with Sitrep (topics, settings, health
 * paths, ports, metric names).
 */
class KubernetesManifestsTest {
    static final YAMLMapper YAML = new YAMLMapper();
    static final Map<String, String> API_VERSIONS = Map.of(
        "ConfigMap", "v1", "Secret", "v1", "Service", "v1", "StatefulSet", "apps/v1",
        "KafkaTopic", "kafka.strimzi.io/v1beta2", "Kustomization", "kustomize.config.k8s.io/v1beta1");

    static Path base;
    static Path overlay;
    /** Base resources by "Kind/name". */
    static Map<String, JsonNode> resources = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        base = ClusterSession.repoFile("deploy/k8s/base");
        overlay = ClusterSession.repoFile("deploy/k8s/overlays/example");
        for (String file : texts(kustomization(base).path("resources"))) {
            for (JsonNode doc : documents(base.resolve(file))) {
                String key = doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
                assertThat(resources.put(key, doc)).as("%s defined once", key).isNull();
            }
        }
    }

    @Test
    void everyManifestHasAKnownKindItsApiVersionAndAName() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(ClusterSession.repoFile("deploy/k8s"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        for (Path file : files) {
            for (JsonNode doc : documents(file)) {
                if (doc.has("op")) {
                    assertThat(doc.has("path")).as("%s: JSON patch op", file).isTrue();
                    continue;
                }
                String kind = doc.path("kind").asText();
                assertThat(API_VERSIONS).as("%s kind", file).containsKey(kind);
                assertThat(doc.path("apiVersion").asText()).as("%s apiVersion", file).isEqualTo(API_VERSIONS.get(kind));
                if (!kind.equals("Kustomization")) {
                    assertThat(doc.path("metadata").path("name").asText()).as("%s name", file).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
                }
            }
        }
    }

    @Test
    void kustomizationsListExistingFilesAndTheBaseListsAllOfItsOwn() throws IOException {
        Set<String> listed = new TreeSet<>(texts(kustomization(base).path("resources")));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> s = Files.list(base)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                .forEach(present::add);
        }
        assertThat(listed).isEqualTo(present);

        JsonNode k = kustomization(overlay);
        for (String r : texts(k.path("resources"))) {
            assertThat(overlay.resolve(r).resolve("kustomization.yaml")).as("overlay resource %s", r).exists();
        }
        k.path("patches").forEach(p -> assertThat(overlay.resolve(p.path("path").asText())).exists());
    }

    @Test
    void theStatefulSetRunsTheAppWithItsConfigSecretServiceAndState() {
        JsonNode sts = resource("StatefulSet/sitrep");
        JsonNode spec = sts.path("spec");
        JsonNode pod = spec.path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);

        JsonNode service = resource("Service/" + spec.path("serviceName").asText());
        assertThat(service.path("spec").path("clusterIP").asText()).as("headless").isEqualTo("None");
        Map<String, String> podLabels = fields(spec.path("template").path("metadata").path("labels"));
        assertThat(podLabels).containsAllEntriesOf(fields(spec.path("selector").path("matchLabels")));
        assertThat(podLabels).containsAllEntriesOf(fields(service.path("spec").path("selector")));

        assertThat(texts(container.path("args"))).containsExactly("run");
        container.path("envFrom").forEach(e -> {
            if (e.has("configMapRef")) {
                resource("ConfigMap/" + e.path("configMapRef").path("name").asText());
            } else {
                resource("Secret/" + e.path("secretRef").path("name").asText());
            }
        });
        assertThat(container.path("envFrom")).hasSize(2);

        Set<String> volumes = new TreeSet<>();
        pod.path("volumes").forEach(v -> {
            volumes.add(v.path("name").asText());
            if (v.has("configMap")) {
                resource("ConfigMap/" + v.path("configMap").path("name").asText());
            }
        });
        spec.path("volumeClaimTemplates").forEach(v -> volumes.add(v.path("metadata").path("name").asText()));
        Map<String, String> mounts = new HashMap<>();
        container.path("volumeMounts").forEach(m -> {
            assertThat(volumes).contains(m.path("name").asText());
            mounts.put(m.path("name").asText(), m.path("mountPath").asText());
        });
        assertThat(mounts.get("state")).as("RocksDB state on the claim").isEqualTo(config().stateDir().toString());
        assertThat(spec.path("volumeClaimTemplates").get(0).path("spec").path("accessModes").get(0).asText())
            .isEqualTo("ReadWriteOnce");
    }

    @Test
    void probesUseTheHealthEndpointsOnTheServedPort() {
        JsonNode container = resource("StatefulSet/sitrep").path("spec").path("template").path("spec").path("containers").get(0);
        Map<String, Integer> ports = containerPorts(container);
        int httpPort = config().httpPort();
        assertThat(ports).containsEntry("http", httpPort);

        JsonNode ready = container.path("readinessProbe").path("httpGet");
        JsonNode live = container.path("livenessProbe").path("httpGet");
        assertThat(ready.path("path").asText()).isEqualTo(HealthServer.Probe.READY.path());
        assertThat(live.path("path").asText()).isEqualTo(HealthServer.Probe.LIVE.path());
        for (JsonNode probe : List.of(ready, live)) {
            JsonNode port = probe.path("port");
            assertThat(port.isInt() ? port.asInt() : ports.get(port.asText())).isEqualTo(httpPort);
        }
        resource("Service/sitrep").path("spec").path("ports").forEach(p ->
            assertThat(ports).as("service targetPort").containsKey(p.path("targetPort").asText()));
    }

    @Test
    void prometheusScrapesTheJmxExporterPortAndTheAgentIsWhereTheImagePutsIt() throws IOException {
        JsonNode template = resource("StatefulSet/sitrep").path("spec").path("template");
        Map<String, String> annotations = fields(template.path("metadata").path("annotations"));
        JsonNode container = template.path("spec").path("containers").get(0);
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/path", "/metrics");
        int metricsPort = Integer.parseInt(annotations.get("prometheus.io/port"));
        assertThat(containerPorts(container)).containsEntry("metrics", metricsPort);

        String options = "";
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals("JAVA_TOOL_OPTIONS")) {
                options = e.path("value").asText();
            }
        }
        Matcher agent = Pattern.compile("-javaagent:(\\S+\\.jar)=(\\d+):(\\S+)").matcher(options);
        assertThat(agent.find()).as(options).isTrue();
        assertThat(Integer.parseInt(agent.group(2))).isEqualTo(metricsPort);
        String dockerfile = Files.readString(ClusterSession.repoFile("Dockerfile"));
        assertThat(dockerfile).contains("COPY --from=build /src/jmx-exporter/jmx_prometheus_javaagent.jar " + agent.group(1));
        Path rules = Path.of(agent.group(3));
        assertThat(jmxConfigMap().path("data").has(rules.getFileName().toString())).isTrue();
        boolean mounted = false;
        for (JsonNode m : container.path("volumeMounts")) {
            mounted |= m.path("name").asText().equals("jmx-exporter") && rules.getParent().toString().equals(m.path("mountPath").asText());
        }
        assertThat(mounted).as("the rules file is mounted where the agent reads it").isTrue();
    }

    @Test
    void theConfigMapAndSecretHoldOnlySitrepSettingsWithOneStandby() {
        Map<String, String> env = environment();
        assertThat(ConfigLoader.fromEnv(env)).as("every variable is a Sitrep setting").hasSameSizeAs(env);
        assertThatCode(() -> ConfigLoader.load(null, env, Map.of())).doesNotThrowAnyException();
        SitrepConfig config = config();
        assertThat(config.streamsProperties().get("num.standby.replicas")).isEqualTo("1");
        assertThat(config.registry()).containsKeys("basic.auth.user.info", "basic.auth.credentials.source");
        assertThat(fields(resource("Secret/sitrep-registry").path("stringData"))).containsOnlyKeys("SITREP_REGISTRY_BASIC_AUTH_USER_INFO");
    }

    @Test
    void kafkaTopicsAreSitrepsTopicsWithTheirConfigs() {
        Topics topics = new Topics(new SitrepSerdes(SchemaRegistryClients.create("mock://k8s-test", Map.of())));
        Map<String, JsonNode> byTopic = new TreeMap<>();
        resources.values().stream().filter(r -> r.path("kind").asText().equals("KafkaTopic"))
            .forEach(r -> byTopic.put(r.path("spec").path("topicName").asText(), r.path("spec")));
        assertThat(byTopic.keySet()).containsExactlyInAnyOrderElementsOf(topics.all().stream().map(TopicSpec::name).toList());

        SitrepConfig config = config();
        Set<Integer> partitionCounts = new TreeSet<>();
        for (TopicSpec<String, ?> spec : topics.all()) {
            JsonNode t = byTopic.get(spec.name());
            partitionCounts.add(t.path("partitions").asInt());
            assertThat(t.path("replicas").asInt()).as(spec.name()).isEqualTo(config.replicationFactor());
            Map<String, String> configs = fields(t.path("config"));
            int minIsr = Integer.parseInt(configs.remove("min.insync.replicas"));
            assertThat(minIsr).as("min ISR of %s", spec.name()).isBetween(2, config.replicationFactor() - 1);
            assertThat(configs).as(spec.name()).isEqualTo(spec.configs());
        }
        assertThat(partitionCounts).as("one partition count for all").hasSize(1);
        assertThat(partitionCounts.iterator().next()).isGreaterThanOrEqualTo(resource("StatefulSet/sitrep").path("spec").path("replicas").asInt());
    }

    @Test
    void overlayPatchesTargetExistingResources() throws IOException {
        JsonNode k = kustomization(overlay);
        assertThat(k.path("patches")).isNotEmpty();
        for (JsonNode patch : k.path("patches")) {
            Path file = overlay.resolve(patch.path("path").asText());
            List<JsonNode> docs = documents(file);
            JsonNode doc = docs.get(0);
            if (patch.has("target")) {
                JsonNode target = patch.path("target");
                List<JsonNode> targets = resources.values().stream()
                    .filter(r -> r.path("kind").asText().equals(target.path("kind").asText())
                        && r.path("apiVersion").asText().equals(target.path("group").asText() + "/" + target.path("version").asText()))
                    .toList();
                assertThat(targets).as("%s targets", file).isNotEmpty();
                for (JsonNode op : docs) {
                    for (JsonNode r : targets) {
                        assertThat(r.at(op.path("path").asText()).isMissingNode()).as("%s in %s", op.path("path"), r.path("metadata"))
                            .isFalse();
                    }
                }
            } else {
                String key = doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
                assertThat(resources).as("%s patches %s", file, key).containsKey(key);
                assertThat(doc.path("apiVersion").asText()).isEqualTo(resources.get(key).path("apiVersion").asText());
            }
        }
        Set<String> images = new TreeSet<>();
        resources.values().forEach(r -> r.path("spec").path("template").path("spec").path("containers")
            .forEach(c -> images.add(c.path("image").asText())));
        k.path("images").forEach(i -> assertThat(images).contains(i.path("name").asText()));
        // The overlay's settings are Sitrep settings too.
        Map<String, String> env = environment();
        env.putAll(fields(documents(overlay.resolve("config-patch.yaml")).get(0).path("data")));
        assertThatCode(() -> ConfigLoader.load(null, env, Map.of())).doesNotThrowAnyException();
    }

    @Test
    void theDashboardQueriesOnlyExportedMetricsAndRealNodesAndTopics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(ClusterSession.repoFile("deploy/grafana/sitrep.json").toFile());
        Set<String> exported = exportedMetricNames();
        String topology = Files.readString(Path.of("src/test/resources/topology.golden.txt"));
        List<String> titles = new ArrayList<>();
        Pattern metric = Pattern.compile("\\b([a-z][a-z0-9_]*)\\{");
        Pattern node = Pattern.compile("processor_node_id=\"([^\"]+)\"");
        Pattern topic = Pattern.compile("topic=\"([^\"]+)\"");
        Set<String> topicNames = Set.of(Topics.ARTICLES_RAW, Topics.ARTICLES_UNIQUE, Topics.ARTICLES_COPIES, Topics.REPORTS,
            Topics.INCIDENTS, Topics.DLQ);
        for (JsonNode panel : dashboard.path("panels")) {
            titles.add(panel.path("title").asText().toLowerCase());
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                Matcher m = metric.matcher(expr);
                int found = 0;
                while (m.find()) {
                    found++;
                    assertThat(exported).as(expr).contains(m.group(1));
                }
                assertThat(found).as(expr).isPositive();
                for (Matcher n = node.matcher(expr); n.find(); ) {
                    assertThat(topology).as("node in the topology").contains("Sink: " + n.group(1) + " ");
                }
                for (Matcher t = topic.matcher(expr); t.find(); ) {
                    assertThat(topicNames).contains(t.group(1));
                }
            }
        }
        assertThat(String.join("|", titles)).contains("lag", "throughput", "latency", "incidents", "dead letters");
    }

    /** Metric names the JMX exporter rules produce ($n in a name expanded over the alternatives it captures). */
    private static Set<String> exportedMetricNames() throws IOException {
        JsonNode config = YAML.readTree(jmxConfigMap().path("data").path("config.yaml").asText());
        Set<String> names = new TreeSet<>();
        for (JsonNode rule : config.path("rules")) {
            String name = rule.path("name").asText();
            Matcher group = Pattern.compile("\\$(\\d)").matcher(name);
            if (group.find()) {
                Matcher alternatives = Pattern.compile("\\(([a-z0-9|-]+)\\)").matcher(rule.path("pattern").asText());
                List<String> options = new ArrayList<>();
                while (alternatives.find()) {
                    // The last group of plain alternatives in the pattern: our rules put it last.
                    options = List.of(alternatives.group(1).split("\\|"));
                }
                for (String o : options) {
                    names.add(name.replace(group.group(0), o));
                }
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private static JsonNode jmxConfigMap() {
        return resource("ConfigMap/sitrep-jmx-exporter");
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(fields(resource("ConfigMap/sitrep-config").path("data")));
        env.putAll(fields(resource("Secret/sitrep-registry").path("stringData")));
        return env;
    }

    private static SitrepConfig config() {
        return ConfigLoader.load(null, environment(), Map.of());
    }

    private static Map<String, Integer> containerPorts(JsonNode container) {
        Map<String, Integer> ports = new HashMap<>();
        container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        return ports;
    }

    private static JsonNode resource(String key) {
        assertThat(resources).as("base defines %s", key).containsKey(key);
        return resources.get(key);
    }

    private static JsonNode kustomization(Path dir) throws IOException {
        return documents(dir.resolve("kustomization.yaml")).get(0);
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        }
        assertThat(docs).as("%s has content", file).isNotEmpty();
        return docs;
    }

    private static Map<String, String> fields(JsonNode node) {
        Map<String, String> m = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
