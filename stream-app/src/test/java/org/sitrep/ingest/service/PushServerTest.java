package org.sitrep.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitrep.ingest.ArticleIds;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.schema.Article;

class PushServerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2023-01-12T08:00:00Z"), ZoneOffset.UTC);
    static final String TOKEN = "test-token-0123456789";
    static final String ARTICLE = """
        {"url": "https://sahelwire.example/news/1", "outlet": "Sahel Wire", "published_at": "2023-01-11T09:30:00Z",
         "title": "Ambush near Mopti", "body": "Ten soldiers were killed in an ambush near Mopti on Tuesday, the army said."}""";

    final RecordingSink sink = new RecordingSink();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    PushServer server;

    @BeforeEach
    void start() throws Exception {
        server = new PushServer(new IngestConfig.Push("127.0.0.1", 0, TOKEN, 2_000), new ArticleValidator(500_000, CLOCK),
            sink, CLOCK);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
            .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void acceptsOneArticleAndAnswersItsId() throws Exception {
        HttpResponse<String> r = post(ARTICLE, TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode answer = new ObjectMapper().readTree(r.body());
        String id = ArticleIds.fromUrl("https://sahelwire.example/news/1");
        assertThat(answer.get("accepted").get(0).asText()).isEqualTo(id);
        assertThat(answer.get("rejected")).isEmpty();
        Article a = sink.published.get(0);
        assertThat(a.getId()).isEqualTo(id);
        assertThat(a.getLanguage()).isEqualTo("en"); // detected
        assertThat(a.getFetchedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void aBatchIsPartlyAcceptedAndTheRejectsAreDeadLettered() throws Exception {
        String batch = "[" + ARTICLE + ", {\"url\": \"https://x.example/2\", \"published_at\": \"2023-01-11T10:00:00Z\"},"
            + " {\"id\": \"given-1\", \"url\": \"https://x.example/3\", \"outlet\": \"X\", \"language\": \"fr\","
            + " \"published_at\": \"2023-01-11T11:00:00Z\", \"body\": \"Cinq soldats tués.\"}]";
        HttpResponse<String> r = post(batch, TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode answer = new ObjectMapper().readTree(r.body());
        assertThat(answer.get("accepted")).hasSize(2);
        assertThat(answer.get("accepted").get(1).asText()).isEqualTo("given-1");
        assertThat(answer.get("rejected").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(answer.get("rejected").get(0).get("reason").asText()).isEqualTo("field 'body' is missing");
        assertThat(sink.ids()).containsExactly(ArticleIds.fromUrl("https://sahelwire.example/news/1"), "given-1");
        assertThat(sink.rejected).singleElement().satisfies(rej -> {
            assertThat(rej.origin()).isEqualTo("http:POST /articles");
            assertThat(rej.line().text()).contains("https://x.example/2");
            assertThat(rej.line().error()).isEqualTo("article 1: field 'body' is missing");
        });
    }

    @Test
    void malformedBodiesAre400AndDeadLettered() throws Exception {
        HttpResponse<String> r = post("{not json", TOKEN);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("not a JSON object or array").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(post("\"a string\"", TOKEN).statusCode()).isEqualTo(400);
        assertThat(sink.rejected).hasSize(2);
        assertThat(sink.published).isEmpty();
    }

    @Test
    void withoutTheRightTokenNothingIsRead() throws Exception {
        assertThat(post(ARTICLE, null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = post(ARTICLE, TOKEN + "x");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(post(ARTICLE, "").statusCode()).isEqualTo(401);
        assertThat(sink.published).isEmpty();
        assertThat(sink.rejected).isEmpty();
    }

    @Test
    void tooLargeIs413AndOtherMethods405() throws Exception {
        String big = "[" + (ARTICLE + ",").repeat(20) + ARTICLE + "]";
        assertThat(big.length()).isGreaterThan(2_000);
        HttpResponse<String> r = post(big, TOKEN);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("larger than 2000 bytes");
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/articles")).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(sink.published).isEmpty();
    }

    @Test
    void aPublishFailureIs503WithoutDetails() throws Exception {
        sink.failNext = true;
        HttpResponse<String> r = post(ARTICLE, TOKEN);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo("{\"error\":\"could not publish the articles now; retry later\"}");
    }
}
