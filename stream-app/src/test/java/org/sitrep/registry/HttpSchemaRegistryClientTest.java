package org.sitrep.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitrep.registry.TestSchemas.V1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientTest {
    private static final String BASE = "/apis/ccompat/v7";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeRegistryServer server = new FakeRegistryServer();

    HttpSchemaRegistryClientTest() throws IOException {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpSchemaRegistryClient client(String urls) {
        return HttpSchemaRegistryClient.builder(urls)
                .maxRetries(2)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .requestTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void registerPostsTheSchemaUnderTheBasePath() throws IOException {
        server.answer("POST", BASE + "/subjects/news.reports-value/versions", 200, "{\"id\":7}");

        int id = client(server.url(BASE + "/")).register("news.reports-value", V1);

        assertThat(id).isEqualTo(7);
        FakeRegistryServer.Request request = server.requests().get(0);
        assertThat(request.headers().get("content-type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.headers().get("accept")).startsWith("application/vnd.schemaregistry.v1+json");
        assertThat(request.headers()).doesNotContainKey("authorization");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("schema").asText()).isEqualTo(V1);
        assertThat(body.has("schemaType")).isFalse();
    }

    @Test
    void subjectsAreEncodedAsOnePathSegment() {
        server.answer("GET", "/subjects/a%2Fb%20c/versions", 200, "[1,3]");

        assertThat(client(server.url("")).versions("a/b c")).containsExactly(1, 3);
    }

    @Test
    void userInfoInTheUrlBecomesABasicAuthHeaderAndNeverAppearsInMessages() {
        String url = server.url(BASE).replace("http://", "http://alice:s3cr%40t@");
        HttpSchemaRegistryClient client = client(url);

        assertThatThrownBy(() -> client.latest("missing"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.getMessage()).contains(server.url(BASE) + "/subjects/missing/versions/latest")
                            .doesNotContain("alice").doesNotContain("s3cr");
                });
        String expected = Base64.getEncoder().encodeToString("alice:s3cr@t".getBytes(StandardCharsets.UTF_8));
        assertThat(server.requests().get(0).headers().get("authorization")).isEqualTo("Basic " + expected);
        assertThat(client.baseUrls()).containsExactly(server.url(BASE));
    }

    @Test
    void explicitCredentialsAndBearerTokensAreSent() {
        server.answer("GET", "/subjects", 200, "[\"a\",\"b\"]");

        HttpSchemaRegistryClient basic = HttpSchemaRegistryClient.builder(server.url("")).basicAuth("bob", "pw").build();
        HttpSchemaRegistryClient bearer = HttpSchemaRegistryClient.builder(server.url("")).bearerToken("tok-123").build();

        assertThat(basic.subjects()).containsExactly("a", "b");
        assertThat(bearer.subjects()).containsExactly("a", "b");
        assertThat(server.requests()).extracting(r -> r.headers().get("authorization"))
                .containsExactly("Basic " + Base64.getEncoder().encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8)),
                        "Bearer tok-123");
    }

    @Test
    void notFoundCarriesStatusCodeAndServerMessage() {
        server.answer("GET", "/subjects/gone/versions", 404,
                "{\"error_code\":40401,\"message\":\"Subject 'gone' not found.\"}");

        assertThatThrownBy(() -> client(server.url("")).versions("gone"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.errorCode()).isEqualTo(40401);
                    assertThat(e.getMessage()).contains("GET " + server.url("/subjects/gone/versions"))
                            .contains("HTTP 404").contains("40401").contains("Subject 'gone' not found.");
                });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void incompatibleRegistrationIs409() {
        server.answer("POST", "/subjects/s/versions", 409,
                "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}");

        assertThatThrownBy(() -> client(server.url("")).register("s", V1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.isIncompatible()).isTrue();
                    assertThat(e.errorCode()).isEqualTo(409);
                });
    }

    @Test
    void aRegistrationRaceLostToAnotherInstanceAnswersTheRegisteredId() {
        server.answer("POST", "/subjects/s/versions", 409,
                "{\"error_code\":409,\"message\":\"An artifact with ID 's' in group 'null' already exists.\"}");
        server.answer("POST", "/subjects/s", 200, "{\"subject\":\"s\",\"version\":1,\"id\":7,\"schema\":\"x\"}");

        assertThat(client(server.url("")).register("s", V1)).isEqualTo(7);
        assertThat(server.requests()).extracting(FakeRegistryServer.Request::path)
                .containsExactly("/subjects/s/versions", "/subjects/s");
    }

    @Test
    void serverErrorsAreRetriedUntilSuccess() {
        server.answer("GET", "/schemas/ids/5", 503, "{\"error_code\":50003,\"message\":\"busy\"}")
                .answer("GET", "/schemas/ids/5", 200, "{\"schema\":\"\\\"string\\\"\"}");

        assertThat(client(server.url("")).schemaById(5)).isEqualTo("\"string\"");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void retriesAreBoundedAndTheLastErrorIsReported() {
        server.answer("GET", "/schemas/ids/5", 502, "<html>Bad Gateway</html>");

        assertThatThrownBy(() -> client(server.url("")).schemaById(5))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("Bad Gateway").contains("3 attempts");
                });
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void clientErrorsAreNeverRetried() {
        server.answer("POST", "/subjects/s/versions", 422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");

        assertThatThrownBy(() -> client(server.url("")).register("s", V1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(42201);
                });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void invalidSchemasFailBeforeAnyRequest() {
        assertThatThrownBy(() -> client(server.url("")).register("s", "{\"type\":\"record\",\"name\":"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(42201);
                });
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void schemasAreSentInAvrosOwnJsonWhateverTheirLayout() throws IOException {
        server.answer("POST", "/subjects/s/versions", 200, "{\"id\":1}");
        String pretty = "{\n  \"namespace\" : \"org.sitrep.test\",\n  \"type\": \"record\", \"name\": \"Report\",\n"
                + "  \"fields\": [ { \"type\": \"string\", \"name\": \"id\" } ]\n}";

        client(server.url("")).register("s", pretty);

        assertThat(JSON.readTree(server.requests().get(0).body()).get("schema").asText()).isEqualTo(V1);
    }

    @Test
    void schemasByIdAreCached() {
        server.answer("GET", "/schemas/ids/9", 200, "{\"schema\":\"\\\"long\\\"\"}");
        HttpSchemaRegistryClient client = client(server.url(""));

        assertThat(client.schemaById(9)).isEqualTo("\"long\"");
        assertThat(client.schemaById(9)).isEqualTo("\"long\"");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void idsBySubjectAndSchemaAreCachedForRegisterAndLookup() {
        server.answer("POST", "/subjects/s/versions", 200, "{\"id\":4}");
        server.answer("POST", "/subjects/t", 200, "{\"subject\":\"t\",\"version\":1,\"id\":4,\"schema\":\"x\"}");
        HttpSchemaRegistryClient client = client(server.url(""));

        client.register("s", V1);
        client.idOf("s", V1);
        client.idOf("t", V1);
        client.register("t", V1);

        assertThat(server.requests()).extracting(FakeRegistryServer.Request::path)
                .containsExactly("/subjects/s/versions", "/subjects/t");
    }

    @Test
    void cachesAreBounded() {
        for (int id = 1; id <= 3; id++) {
            server.answer("GET", "/schemas/ids/" + id, 200, "{\"schema\":\"\\\"int\\\"\"}");
        }
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.builder(server.url("")).cacheCapacity(2).build();

        client.schemaById(1);
        client.schemaById(2);
        client.schemaById(3);
        client.schemaById(3);
        client.schemaById(1);

        assertThat(server.requests()).extracting(FakeRegistryServer.Request::path)
                .containsExactly("/schemas/ids/1", "/schemas/ids/2", "/schemas/ids/3", "/schemas/ids/1");
    }

    @Test
    void failsOverToTheNextUrlWhenOneRefusesConnections() throws IOException {
        server.answer("GET", "/subjects/s/versions/latest", 200,
                "{\"subject\":\"s\",\"version\":2,\"id\":11,\"schema\":\"\\\"int\\\"\"}");
        HttpSchemaRegistryClient client = client(deadUrl() + " , " + server.url(""));

        assertThat(client.latest("s")).isEqualTo(new SchemaRegistryClient.RegisteredSchema("s", 2, 11, "\"int\""));
        assertThat(client.latest("s").id()).isEqualTo(11);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void keepsUsingTheUrlThatLastAnswered() throws IOException {
        try (FakeRegistryServer failing = new FakeRegistryServer()) {
            failing.answer("GET", "/subjects", 503, "{\"error_code\":50003,\"message\":\"down\"}");
            server.answer("GET", "/subjects", 200, "[\"s\"]");
            HttpSchemaRegistryClient client = client(failing.url("") + "," + server.url(""));

            assertThat(client.subjects()).containsExactly("s");
            assertThat(client.subjects()).containsExactly("s");

            assertThat(failing.requests()).hasSize(1);
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void unreachableRegistryFailsWithStatusZero() throws IOException {
        String dead = deadUrl();

        assertThatThrownBy(() -> client(dead).subjects())
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage()).contains(dead + "/subjects").contains("3 attempts");
                    assertThat(e.getCause()).isInstanceOf(IOException.class);
                });
    }

    @Test
    void slowAnswersTimeOut() {
        server.answer("GET", "/subjects", 200, "[]", Duration.ofSeconds(2));
        HttpSchemaRegistryClient client = HttpSchemaRegistryClient.builder(server.url(""))
                .requestTimeout(Duration.ofMillis(200)).maxRetries(0).build();

        assertThatThrownBy(client::subjects)
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage()).contains("HttpTimeoutException");
                });
    }

    @Test
    void compatibilityChecksAndLevels() throws IOException {
        server.answer("POST", "/compatibility/subjects/s/versions/latest", 200, "{\"is_compatible\":false}");
        server.answer("POST", "/compatibility/subjects/new/versions/latest", 404,
                "{\"error_code\":40402,\"message\":\"No version 'latest'\"}");
        server.answer("GET", "/config", 200, "{\"compatibilityLevel\":\"FULL\"}");
        server.answer("PUT", "/config", 200, "{\"compatibility\":\"BACKWARD\"}");
        server.answer("PUT", "/config/s", 200, "{\"compatibility\":\"NONE\"}");
        HttpSchemaRegistryClient client = client(server.url(""));

        assertThat(client.isCompatible("s", V1)).isFalse();
        assertThat(client.isCompatible("new", V1)).isTrue();
        assertThat(client.globalCompatibility()).isEqualTo("FULL");
        client.setGlobalCompatibility("backward");
        client.setCompatibility("s", "NONE");
        assertThatThrownBy(() -> client.setCompatibility("s", "SIDEWAYS"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));

        assertThat(JSON.readTree(server.requests().get(3).body()).get("compatibility").asText()).isEqualTo("BACKWARD");
        assertThat(server.requests().get(4).path()).isEqualTo("/config/s");
        assertThat(server.requests()).hasSize(5);
    }

    private static String deadUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
