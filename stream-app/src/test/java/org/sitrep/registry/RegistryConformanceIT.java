package org.sitrep.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaMetadata;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.RestService;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.apache.flink.formats.avro.registry.confluent.ConfluentSchemaRegistryCoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitrep.testing.SharedRegistry;

/**
 * Our HTTP client against Confluent's own REST client ({@code CachedSchemaRegistryClient} 7.5.3, shaded inside
 * flink-sql-avro-confluent-registry with its own Avro copy, hence schemas passed as text), both talking to a real
 * Apicurio Registry through its Confluent API. Each test uses fresh subject and record names.
 */
class RegistryConformanceIT {
    private String url;
    private HttpSchemaRegistryClient ours;
    private CachedSchemaRegistryClient confluent;
    private String tag;

    @BeforeEach
    void connect() {
        url = SharedRegistry.get().url();
        ours = new HttpSchemaRegistryClient(url);
        confluent = new CachedSchemaRegistryClient(url, 100);
        tag = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** {@code {id: string}} under a record name unique to this test. */
    private String v1() {
        return TestSchemas.record("Report" + tag, "{\"name\":\"id\",\"type\":\"string\"}");
    }

    private String v2WithDefault() {
        return TestSchemas.record("Report" + tag,
                "{\"name\":\"id\",\"type\":\"string\"}, {\"name\":\"country\",\"type\":\"string\",\"default\":\"\"}");
    }

    private String v2WithoutDefault() {
        return TestSchemas.record("Report" + tag, "{\"name\":\"id\",\"type\":\"string\"}, {\"name\":\"score\",\"type\":\"int\"}");
    }

    private String idAsInt() {
        return TestSchemas.record("Report" + tag, "{\"name\":\"id\",\"type\":\"int\"}");
    }

    private static Schema avro(String text) {
        return new Schema.Parser().parse(text);
    }

    @Test
    void aSchemaRegisteredByOursIsFoundByConfluentsWithTheSameId() throws Exception {
        String subject = "ours-" + tag + "-value";
        int id = ours.register(subject, v1());

        AvroSchema fetched = (AvroSchema) confluent.getSchemaById(id);
        SchemaMetadata latest = confluent.getLatestSchemaMetadata(subject);

        assertThat(avro(fetched.canonicalString())).isEqualTo(avro(v1()));
        assertThat(confluent.getId(subject, new AvroSchema(v1()))).isEqualTo(id);
        assertThat(latest.getId()).isEqualTo(id);
        assertThat(latest.getVersion()).isEqualTo(1);
        assertThat(avro(latest.getSchema())).isEqualTo(avro(v1()));
    }

    @Test
    void aSchemaRegisteredByConfluentsIsFoundByOursWithTheSameId() throws Exception {
        String subject = "confluent-" + tag + "-value";
        int id = confluent.register(subject, new AvroSchema(v1()));

        assertThat(avro(ours.schemaById(id))).isEqualTo(avro(v1()));
        assertThat(ours.idOf(subject, v1())).isEqualTo(id);
        assertThat(ours.latest(subject)).satisfies(latest -> {
            assertThat(latest.subject()).isEqualTo(subject);
            assertThat(latest.version()).isEqualTo(1);
            assertThat(latest.id()).isEqualTo(id);
            assertThat(avro(latest.schema())).isEqualTo(avro(v1()));
        });
        assertThat(ours.subjects()).contains(subject);
        assertThat(ours.register(subject, v1())).as("registering again is idempotent").isEqualTo(id);
    }

    @Test
    void identicalSchemasShareOneIdAcrossSubjectsForBothClients() throws Exception {
        int viaOurs = ours.register("a-" + tag + "-value", v1());
        int viaConfluent = confluent.register("b-" + tag + "-value", new AvroSchema(v1()));

        assertThat(viaConfluent).isEqualTo(viaOurs);
    }

    @Test
    void versionListsAgree() throws Exception {
        String subject = "versions-" + tag + "-value";
        int first = ours.register(subject, v1());
        int second = confluent.register(subject, new AvroSchema(v2WithDefault()));

        assertThat(ours.versions(subject)).containsExactly(1, 2).isEqualTo(confluent.getAllVersions(subject));
        assertThat(ours.latest(subject).id()).isEqualTo(second).isNotEqualTo(first)
                .isEqualTo(confluent.getLatestSchemaMetadata(subject).getId());
    }

    @Test
    void compatibilityVerdictsAgreeWithConfluentsClientAndWithTheInMemoryRegistry() throws Exception {
        String subject = "compat-" + tag + "-value";
        ours.register(subject, v1());
        InMemorySchemaRegistryClient memory = new InMemorySchemaRegistryClient();
        memory.register(subject, v1());

        for (String candidate : List.of(v2WithDefault(), v2WithoutDefault(), idAsInt())) {
            boolean verdict = ours.isCompatible(subject, candidate);
            assertThat(verdict).as(candidate).isEqualTo(confluent.testCompatibility(subject, new AvroSchema(candidate)))
                    .isEqualTo(memory.isCompatible(subject, candidate));
        }
        assertThat(ours.isCompatible(subject, v2WithDefault())).isTrue();
        assertThat(ours.isCompatible(subject, v2WithoutDefault())).isFalse();
        assertThat(ours.isCompatible(subject, idAsInt())).isFalse();
        assertThat(ours.isCompatible("never-registered-" + tag, v1())).isTrue();
    }

    @Test
    void theRealRegistryRefusesIncompatibleChangesUnderBackwardAndAcceptsADefaultedField() throws Exception {
        String subject = "evolve-" + tag + "-value";
        ours.register(subject, v1());

        assertThat(ours.globalCompatibility()).isEqualTo("BACKWARD");
        assertThatThrownBy(() -> ours.register(subject, v2WithoutDefault()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.isIncompatible()).isTrue();
                    assertThat(e.getMessage()).contains(url + "/subjects/" + subject + "/versions");
                });
        assertThatThrownBy(() -> confluent.register(subject, new AvroSchema(idAsInt())))
                .isInstanceOfSatisfying(RestClientException.class, e -> assertThat(e.getStatus()).isEqualTo(409));
        int accepted = ours.register(subject, v2WithDefault());

        assertThat(ours.versions(subject)).containsExactly(1, 2);
        assertThat(ours.latest(subject).id()).isEqualTo(accepted);
    }

    /**
     * A subject level overrides the global BACKWARD: under FORWARD a field without default is accepted. (Apicurio
     * 2.6.13 differs from Confluent for a subject level of NONE: it stores and reports it, but then applies the global
     * level, so NONE cannot loosen a stricter global level there.)
     */
    @Test
    void subjectLevelsSetByOursAreSeenByConfluentsAndEnforced() throws Exception {
        String subject = "levels-" + tag + "-value";
        ours.register(subject, v1());
        ours.setCompatibility(subject, "FORWARD");

        assertThat(new RestService(url).getConfig(subject).getCompatibilityLevel()).isEqualTo("FORWARD");
        assertThat(ours.isCompatible(subject, v2WithoutDefault())).isTrue();
        assertThat(ours.register(subject, v2WithoutDefault())).isPositive();
        assertThat(ours.versions(subject)).containsExactly(1, 2);
        assertThat(ours.isCompatible(subject, idAsInt())).isFalse();
    }

    @Test
    void layoutDoesNotChangeIdsOrAddVersions() throws Exception {
        String subject = "layout-" + tag + "-value";
        String pretty = v2WithDefault().replace(",", ",\n    ").replace("{", "{ ");
        int id = ours.register(subject, pretty);

        assertThat(confluent.register(subject, new AvroSchema(v2WithDefault()))).isEqualTo(id);
        assertThat(ours.register(subject, v2WithDefault())).isEqualTo(id);
        assertThat(confluent.getAllVersions(subject)).containsExactly(1);
    }

    @Test
    void notFoundAnswersMapToNotFound() {
        assertThatThrownBy(() -> ours.versions("missing-" + tag))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.errorCode()).isEqualTo(40401);
                });
        assertThatThrownBy(() -> ours.schemaById(Integer.MAX_VALUE))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
        String subject = "lookup-" + tag + "-value";
        ours.register(subject, v1());
        assertThatThrownBy(() -> ours.idOf(subject, v2WithDefault()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    }

    @Test
    void failsOverFromADeadUrlToTheRealRegistry() throws IOException {
        String dead;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = "http://127.0.0.1:" + socket.getLocalPort() + "/apis/ccompat/v7";
        }
        SchemaRegistryClient failover = SchemaRegistryClients.create(dead + "," + url, java.util.Map.of());

        assertThat(failover.register("failover-" + tag + "-value", v1())).isEqualTo(ours.register("x-" + tag, v1()));
    }

    /**
     * The Confluent wire format: magic byte 0, the schema id as 4 big-endian bytes, then the Avro binary encoding.
     * Confluent's {@code KafkaAvroSerializer} is not in the shaded jar, so the header comes from Flink's
     * {@link ConfluentSchemaRegistryCoder} (which registers through Confluent's client) and the body from the shaded
     * Avro; both together must equal bytes written by hand with our client's id and our Avro.
     */
    @Test
    void wireFormatBytesMatchThoseWrittenThroughConfluentsClient() throws IOException {
        String subject = "wire-" + tag + "-value";
        String text = v2WithDefault();
        int id = ours.register(subject, text);

        byte[] byHand = byHand(id, avro(text));
        byte[] byConfluent = throughConfluent(subject, text);

        assertThat(byConfluent).isEqualTo(byHand);
        assertThat(byHand[0]).isZero();
        assertThat(ByteBuffer.wrap(byHand, 1, 4).getInt()).isEqualTo(id);
        InputStream in = new ByteArrayInputStream(byHand);
        var readBack = new ConfluentSchemaRegistryCoder(subject, confluent).readSchema(in);
        assertThat(avro(readBack.toString())).isEqualTo(avro(text));
    }

    private static byte[] byHand(int id, Schema schema) throws IOException {
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", "article-42");
        record.put("country", "Sudan");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private byte[] throughConfluent(String subject, String text) throws IOException {
        var schema = new org.apache.flink.avro.shaded.org.apache.avro.Schema.Parser().parse(text);
        var record = new org.apache.flink.avro.shaded.org.apache.avro.generic.GenericData.Record(schema);
        record.put("id", "article-42");
        record.put("country", "Sudan");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ConfluentSchemaRegistryCoder(subject, confluent).writeSchema(schema, out);
        var encoder = org.apache.flink.avro.shaded.org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
        new org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumWriter<
                org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
