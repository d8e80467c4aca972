package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.sitrep.testing.WireFormat;
import org.sitrep.registry.AvroSerde;
import org.sitrep.registry.HttpSchemaRegistryClient;
import org.sitrep.registry.SchemaRegistryException;
import org.sitrep.schema.Claim;
import org.sitrep.schema.DeadLetter;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.Incident;
import org.sitrep.testing.SharedRegistry;

/**
 * Schema evolution on the real registry (Apicurio, BACKWARD): a consumer built against today's DeadLetter schema reads
 * records written with a newer schema that added a field, the registry refuses an incompatible change, and the fields
 * added since the first release (Claim's missing, span_start and span_end, PartyCasualties' missing) are a BACKWARD
 * compatible change of the topics' schemas.
 */
class SchemaEvolutionIT {
    private final HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(SharedRegistry.get().url());
    private final String topic = "evolution-" + UUID.randomUUID();
    private final String subject = topic + "-value";

    @Test
    void anOldReaderReadsDataWrittenWithTheNewSchema() throws Exception {
        AvroSerde<DeadLetter> oldReader = AvroSerde.forValues(registry, DeadLetter.getClassSchema());
        int v1 = oldReader.schemaId(topic);

        Schema v2 = new Schema.Parser().parse(DeadLetter.getClassSchema().toString().replace(
            "{\"name\":\"stage\"", "{\"name\":\"attempts\",\"type\":\"int\",\"default\":1},{\"name\":\"stage\""));
        int v2Id = registry.register(subject, v2.toString());
        assertThat(v2Id).isNotEqualTo(v1);
        assertThat(registry.versions(subject)).hasSize(2);

        GenericRecord record = new GenericData.Record(v2);
        record.put("source_topic", "news.articles.raw");
        record.put("partition", 0);
        record.put("offset", 42L);
        record.put("attempts", 3);
        record.put("stage", "extract");
        record.put("reason", "written by a newer producer");
        record.put("failed_at", 1673514000000L);
        DeadLetter read = oldReader.deserialize(topic, WireFormat.encode(v2Id, v2, record));

        assertThat(read.getOffset()).isEqualTo(42L);
        assertThat(read.getReason()).isEqualTo("written by a newer producer");
        assertThat(read.getStage()).isEqualTo("extract");
    }

    /** Fields added to Claim and PartyCasualties after the first release, optional with a null default. */
    private static final Set<String> ADDED = Set.of("missing", "span_start", "span_end");

    @Test
    void claimSpansAndMissingFiguresAreABackwardCompatibleChange() throws Exception {
        for (Schema current : List.of(EventReport.getClassSchema(), Incident.getClassSchema())) {
            String t = topic + "-" + current.getName();
            Schema before = without(current, ADDED);
            assertThat(before.toString()).doesNotContain("span_start");
            registry.register(t + "-value", before.toString());
            assertThat(registry.isCompatible(t + "-value", current.toString())).as(current.getName()).isTrue();
            assertThat(AvroSerde.forValues(registry, current).schemaId(t)).isPositive();
            assertThat(registry.versions(t + "-value")).hasSize(2);
        }

        // A report written before the change reads with the new schema: the new fields are null.
        String t = topic + "-old-report";
        Schema before = without(EventReport.getClassSchema(), ADDED);
        int beforeId = registry.register(t + "-value", before.toString());
        Schema claimBefore = before.getField("claims").schema().getElementType();
        GenericRecord claim = new GenericData.Record(claimBefore);
        claim.put("claimant", "Malian army");
        claim.put("claimant_kind", new GenericData.EnumSymbol(claimBefore.getField("claimant_kind").schema(), "state"));
        claim.put("party", new GenericData.EnumSymbol(claimBefore.getField("party").schema(), "state_forces"));
        claim.put("killed", 14);
        claim.put("injured", 11);
        claim.put("qualifier", new GenericData.EnumSymbol(claimBefore.getField("qualifier").schema(), "exact"));
        claim.put("article_id", "a12");
        claim.put("outlet", "AFP");
        claim.put("published_at", Instant.parse("2023-01-12T09:00:00Z").toEpochMilli());
        claim.put("sentence", "The army said 14 soldiers were killed and 11 wounded.");
        claim.put("partisan", false);
        GenericRecord report = new GenericData.Record(before);
        report.put("report_id", "a12#1");
        report.put("article_id", "a12");
        report.put("outlet", "AFP");
        report.put("language", "en");
        report.put("published_at", Instant.parse("2023-01-12T09:00:00Z").toEpochMilli());
        report.put("title", "Mali: 14 soldiers killed");
        report.put("event_type", new GenericData.EnumSymbol(before.getField("event_type").schema(), "ambush"));
        report.put("event_date", (int) LocalDate.of(2023, 1, 10).toEpochDay());
        report.put("country", "ML");
        report.put("admin1", "Ségou");
        report.put("places", List.of());
        report.put("actors", List.of("FAMa"));
        report.put("claims", List.of(claim));

        EventReport read = AvroSerde.<EventReport>forValues(registry, EventReport.getClassSchema())
            .deserialize(t, WireFormat.encode(beforeId, before, report));

        Claim c = read.getClaims().get(0);
        assertThat(c.getKilled()).isEqualTo(14);
        assertThat(c.getInjured()).isEqualTo(11);
        assertThat(c.getMissing()).isNull();
        assertThat(c.getSpanStart()).isNull();
        assertThat(c.getSpanEnd()).isNull();
    }

    /** The schema with the named fields removed from every record in it (as it was before they were added). */
    private static Schema without(Schema schema, Set<String> fields) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode tree = json.readTree(schema.toString());
        strip(tree, fields);
        return new Schema.Parser().parse(json.writeValueAsString(tree));
    }

    private static void strip(JsonNode node, Set<String> fields) {
        if (node.isArray()) {
            node.forEach(n -> strip(n, fields));
        } else if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            if (o.has("fields") && o.get("fields").isArray()) {
                ArrayNode kept = o.arrayNode();
                o.get("fields").forEach(f -> {
                    if (!fields.contains(f.path("name").asText())) {
                        kept.add(f);
                    }
                });
                o.set("fields", kept);
            }
            o.forEach(n -> strip(n, fields));
        }
    }

    @Test
    void theRegistryRefusesAnIncompatibleChange() {
        AvroSerde.forValues(registry, DeadLetter.getClassSchema()).schemaId(topic);
        // A new required field without a default: new readers could not read old data.
        String incompatible = DeadLetter.getClassSchema().toString().replace(
            "{\"name\":\"stage\"", "{\"name\":\"severity\",\"type\":\"string\"},{\"name\":\"stage\"");
        assertThat(registry.isCompatible(subject, incompatible)).isFalse();
        assertThatThrownBy(() -> registry.register(subject, incompatible))
            .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isIncompatible()).isTrue());
        assertThat(registry.versions(subject)).hasSize(1);
    }
}
