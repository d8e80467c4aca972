package org.sitrep.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sitrep.config.ConfigLoader;
import org.sitrep.config.SitrepConfig;

class ApiServerTest {
    @Test
    void queryParametersBecomeAFilter() {
        IncidentFilter f = ApiServer.filter(ApiServer.parseQuery(
            "country=ml,bf&country=NG&type=ambush&min_killed=5&actor=JNIM&admin1=S%C3%A9gou&since=2023-01-01"));
        assertThat(f.countries()).containsExactlyInAnyOrder("ML", "BF", "NG");
        assertThat(f.types()).containsExactly("ambush");
        assertThat(f.minKilled()).isEqualTo(5);
        assertThat(f.actor()).isEqualTo("JNIM");
        assertThat(f.admin1()).isEqualTo("Ségou");
        assertThat(f.updatedSince()).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
    }

    @Test
    void badParametersAreClientErrors() {
        assertThatThrownBy(() -> ApiServer.filter(ApiServer.parseQuery("min_killed=x")))
            .isInstanceOf(ApiServer.BadRequest.class).hasMessageContaining("min_killed");
        assertThatThrownBy(() -> ApiServer.filter(ApiServer.parseQuery("since=yesterday")))
            .isInstanceOf(ApiServer.BadRequest.class).hasMessageContaining("since");
        assertThatThrownBy(() -> ApiServer.limit(ApiServer.parseQuery("limit=0")))
            .isInstanceOf(ApiServer.BadRequest.class);
        assertThat(ApiServer.limit(Map.of())).isEqualTo(ApiServer.DEFAULT_LIMIT);
        assertThat(ApiServer.limit(Map.of("limit", List.of("7")))).isEqualTo(7);
    }

    @Test
    void forwardedQueriesKeepTheFilter() {
        IncidentFilter f = ApiServer.filter(ApiServer.parseQuery("country=ML&admin1=S%C3%A9gou%20x&min_killed=3"));
        IncidentFilter back = ApiServer.filter(ApiServer.parseQuery(StreamsBackend.query(f, 10)));
        assertThat(back).isEqualTo(f);
    }

    @Test
    void advertisedUrlBecomesApplicationServer() {
        SitrepConfig c = ConfigLoader.load(null, Map.of(), Map.of("advertised-http-url", "http://sitrep-0.sitrep:8080"));
        assertThat(c.streamsProperties().get("application.server")).isEqualTo("sitrep-0.sitrep:8080");
        assertThat(ConfigLoader.load(null, Map.of(), Map.of()).streamsProperties()).doesNotContainKey("application.server");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("advertised-http-url", "https://x:1")))
            .hasMessageContaining("advertised-http-url");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("advertised-http-url", "host-without-port")))
            .hasMessageContaining("advertised-http-url");
    }
}
