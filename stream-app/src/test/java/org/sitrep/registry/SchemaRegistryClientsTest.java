package org.sitrep.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientsTest {

    @Test
    void mockUrlsShareOneRegistryPerScope() {
        SchemaRegistryClient first = SchemaRegistryClients.create("mock://clients-test", Map.of());
        SchemaRegistryClient same = SchemaRegistryClients.create("mock://clients-test", Map.of());
        SchemaRegistryClient other = SchemaRegistryClients.create("mock://clients-test-other", Map.of());
        try {
            int id = first.register("s", TestSchemas.V1);

            assertThat(same).isSameAs(first).isInstanceOf(InMemorySchemaRegistryClient.class);
            assertThat(same.idOf("s", TestSchemas.V1)).isEqualTo(id);
            assertThat(other).isNotSameAs(first);
            assertThat(other.subjects()).isEmpty();
        } finally {
            SchemaRegistryClients.dropMockScope("clients-test");
            SchemaRegistryClients.dropMockScope("clients-test-other");
        }
        assertThat(SchemaRegistryClients.create("mock://clients-test", Map.of()).subjects()).isEmpty();
        SchemaRegistryClients.dropMockScope("clients-test");
    }

    @Test
    void otherUrlsGetTheHttpClient() {
        SchemaRegistryClient client = SchemaRegistryClients.create("http://a:8081,http://b:8081/apis/ccompat/v7/", null);

        assertThat(client).isInstanceOfSatisfying(HttpSchemaRegistryClient.class,
                http -> assertThat(http.baseUrls()).containsExactly("http://a:8081", "http://b:8081/apis/ccompat/v7"));
    }

    @Test
    void userInfoSourceSendsTheConfiguredCredentials() throws IOException {
        try (FakeRegistryServer server = new FakeRegistryServer()) {
            server.answer("GET", "/subjects", 200, "[]");
            String url = server.url("").replace("http://", "http://ignored:ignored@");

            SchemaRegistryClients.create(url, Map.of(
                    "basic.auth.credentials.source", "USER_INFO",
                    "basic.auth.user.info", "carol:pa:ss")).subjects();
            SchemaRegistryClients.create(url, Map.of("basic.auth.user.info", "carol:pa:ss")).subjects();

            assertThat(server.requests()).extracting(r -> r.headers().get("authorization"))
                    .containsExactly(basic("carol:pa:ss"), basic("ignored:ignored"));
        }
    }

    @Test
    void bearerTokenAndTimeoutAreApplied() throws IOException {
        try (FakeRegistryServer server = new FakeRegistryServer()) {
            server.answer("GET", "/subjects", 200, "[]", java.time.Duration.ofMillis(1500));
            SchemaRegistryClient client = SchemaRegistryClients.create(server.url(""), Map.of(
                    "bearer.auth.credentials.source", "STATIC_TOKEN",
                    "bearer.auth.token", "t0k",
                    "schema.registry.request.timeout.ms", "100"));

            assertThatThrownBy(client::subjects).isInstanceOf(SchemaRegistryException.class);
            assertThat(server.requests().get(0).headers().get("authorization")).isEqualTo("Bearer t0k");
        }
    }

    @Test
    void invalidSettingsAreRefusedWithoutEchoingSecrets() {
        assertThatThrownBy(() -> SchemaRegistryClients.create("http://h:1", Map.of(
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "nocolon-secret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("nocolon-secret");
        assertThatThrownBy(() -> SchemaRegistryClients.create("http://h:1", Map.of(
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "u:p", "bearer.auth.token", "t")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemaRegistryClients.create("http://h:1", Map.of(
                "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemaRegistryClients.create("ftp://u:pw@h/x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> SchemaRegistryClients.create(" ", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
