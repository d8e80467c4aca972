package org.sitrep.registry;

/** Avro schemas of one record evolving, for registry tests. */
final class TestSchemas {
    /** {@code {id: string}}. */
    static final String V1 = record("Report", "{\"name\":\"id\",\"type\":\"string\"}");
    /** V1 plus {@code country: string = ""}: backward and forward compatible with V1. */
    static final String V2_WITH_DEFAULT = record("Report",
            "{\"name\":\"id\",\"type\":\"string\"}, {\"name\":\"country\",\"type\":\"string\",\"default\":\"\"}");
    /** V1 plus {@code score: int} without default: forward compatible only (it cannot read V1 data). */
    static final String V2_NO_DEFAULT = record("Report",
            "{\"name\":\"id\",\"type\":\"string\"}, {\"name\":\"score\",\"type\":\"int\"}");
    /** {@code id} changed from string to int: compatible with nothing. */
    static final String ID_AS_INT = record("Report", "{\"name\":\"id\",\"type\":\"int\"}");
    /** A different record altogether. */
    static final String OTHER = record("Alert", "{\"name\":\"level\",\"type\":\"int\"}");

    private TestSchemas() {
    }

    static String record(String name, String fields) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"org.sitrep.test\",\"fields\":[" + fields + "]}";
    }
}
