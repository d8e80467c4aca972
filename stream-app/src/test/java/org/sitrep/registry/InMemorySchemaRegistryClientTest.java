package org.sitrep.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitrep.registry.TestSchemas.ID_AS_INT;
import static org.sitrep.registry.TestSchemas.OTHER;
import static org.sitrep.registry.TestSchemas.V1;
import static org.sitrep.registry.TestSchemas.V2_NO_DEFAULT;
import static org.sitrep.registry.TestSchemas.V2_WITH_DEFAULT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void registeringAssignsIdsAndVersionsAndIsIdempotent() {
        int first = registry.register("reports-value", V1);
        int again = registry.register("reports-value", V1);
        int second = registry.register("reports-value", V2_WITH_DEFAULT);

        assertThat(again).isEqualTo(first);
        assertThat(second).isNotEqualTo(first);
        assertThat(registry.versions("reports-value")).containsExactly(1, 2);
        assertThat(registry.latest("reports-value"))
                .isEqualTo(new SchemaRegistryClient.RegisteredSchema("reports-value", 2, second,
                        new Schema.Parser().parse(V2_WITH_DEFAULT).toString()));
    }

    @Test
    void identicalSchemasShareOneIdAcrossSubjectsWhateverTheirLayout() {
        int id = registry.register("a-value", V1);
        String reformatted = V1.replace(",", ",\n  ").replace(":", " : ");

        assertThat(registry.register("b-value", reformatted)).isEqualTo(id);
        assertThat(registry.register("c-value", OTHER)).isNotEqualTo(id);
        assertThat(registry.versions("b-value")).containsExactly(1);
        assertThat(registry.subjects()).containsExactly("a-value", "b-value", "c-value");
    }

    @Test
    void schemaByIdReturnsAnEquivalentSchema() {
        int id = registry.register("reports-value", V1);

        assertThat(new Schema.Parser().parse(registry.schemaById(id))).isEqualTo(new Schema.Parser().parse(V1));
    }

    @Test
    void idOfFindsOnlyWhatIsRegisteredUnderThatSubject() {
        int id = registry.register("reports-value", V1);

        assertThat(registry.idOf("reports-value", V1)).isEqualTo(id);
        assertThatThrownBy(() -> registry.idOf("reports-value", OTHER))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.errorCode()).isEqualTo(40403);
                });
        assertThatThrownBy(() -> registry.idOf("unknown-value", V1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
        assertThat(registry.subjects()).containsExactly("reports-value");
    }

    @Test
    void unknownSubjectsAndIdsAreNotFound() {
        assertThatThrownBy(() -> registry.versions("nope"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> registry.latest("nope"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isNotFound()).isTrue());
        assertThatThrownBy(() -> registry.schemaById(42))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    }

    @Test
    void defaultLevelIsBackwardAndRefusesAFieldWithoutDefault() {
        registry.register("reports-value", V1);

        assertThat(registry.globalCompatibility()).isEqualTo("BACKWARD");
        assertThat(registry.isCompatible("reports-value", V2_NO_DEFAULT)).isFalse();
        assertThatThrownBy(() -> registry.register("reports-value", V2_NO_DEFAULT))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.isIncompatible()).isTrue();
                });
        assertThat(registry.versions("reports-value")).containsExactly(1);
        assertThat(registry.isCompatible("reports-value", V2_WITH_DEFAULT)).isTrue();
    }

    @Test
    void forwardAcceptsAFieldWithoutDefaultButNotATypeChange() {
        registry.setCompatibility("reports-value", "forward");
        registry.register("reports-value", V2_WITH_DEFAULT);

        assertThat(registry.isCompatible("reports-value", TestSchemas.V1)).isTrue();
        registry.register("fwd-value", V1);
        registry.setCompatibility("fwd-value", "FORWARD");
        assertThat(registry.register("fwd-value", V2_NO_DEFAULT)).isPositive();
        assertThat(registry.isCompatible("fwd-value", ID_AS_INT)).isFalse();
    }

    @Test
    void fullNeedsBothDirections() {
        registry.setGlobalCompatibility("FULL");
        registry.register("reports-value", V1);

        assertThat(registry.globalCompatibility()).isEqualTo("FULL");
        assertThat(registry.isCompatible("reports-value", V2_NO_DEFAULT)).isFalse();
        assertThat(registry.isCompatible("reports-value", V2_WITH_DEFAULT)).isTrue();
    }

    @Test
    void transitiveLevelsCheckEveryVersionNotOnlyTheLatest() {
        // v3 reads v2 data (id takes its default) but not v1 data (a string id is not an int).
        String v1 = V1;
        String v2 = TestSchemas.record("Report", "");
        String v3 = TestSchemas.record("Report", "{\"name\":\"id\",\"type\":\"int\",\"default\":0}");
        registry.setGlobalCompatibility("BACKWARD");
        registry.register("plain-value", v1);
        registry.register("plain-value", v2);
        registry.register("strict-value", v1);
        registry.register("strict-value", v2);
        registry.setCompatibility("strict-value", "BACKWARD_TRANSITIVE");

        assertThat(registry.register("plain-value", v3)).isPositive();
        assertThat(registry.isCompatible("strict-value", v3)).isFalse();
        assertThatThrownBy(() -> registry.register("strict-value", v3))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void noneAcceptsAnything() {
        registry.setCompatibility("reports-value", "NONE");
        registry.register("reports-value", V1);

        assertThat(registry.register("reports-value", ID_AS_INT)).isPositive();
        assertThat(registry.versions("reports-value")).containsExactly(1, 2);
    }

    @Test
    void subjectLevelOverridesGlobalLevel() {
        registry.register("reports-value", V1);
        registry.setCompatibility("reports-value", "NONE");
        registry.setGlobalCompatibility("FULL_TRANSITIVE");

        assertThat(registry.isCompatible("reports-value", ID_AS_INT)).isTrue();
    }

    @Test
    void invalidInputIsRefusedWith422() {
        assertThatThrownBy(() -> registry.register("reports-value", "{not avro"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(42201);
                });
        assertThatThrownBy(() -> registry.setGlobalCompatibility("SIDEWAYS"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
        assertThat(registry.globalCompatibility()).isEqualTo("BACKWARD");
    }

    @Test
    void concurrentRegistrationsAgreeOnIdsAndVersions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String subject = "s" + (i % 4) + "-value";
                String schema = i % 2 == 0 ? V1 : OTHER;
                tasks.add(() -> registry.register(subject, schema));
            }
            Set<Integer> ids = new HashSet<>();
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                ids.add(result.get());
            }
            assertThat(ids).hasSize(2);
            assertThat(registry.subjects().stream().map(registry::versions).collect(Collectors.toList()))
                    .allSatisfy(versions -> assertThat(versions).containsExactly(1));
        } finally {
            pool.shutdownNow();
        }
    }
}
