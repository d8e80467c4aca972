package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.embedded.EmbeddedKafka;
import org.sitrep.ingest.service.IngestConfig;
import org.sitrep.ingest.service.IngestService;
import org.sitrep.ingest.service.KafkaArticleSink;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.runtime.ArticlePublisher;
import org.sitrep.runtime.TopicAdmin;
import org.sitrep.runtime.TopicReader;
import org.sitrep.schema.Article;
import org.sitrep.schema.DeadLetter;
import org.sitrep.testing.SharedRegistry;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.Topics;

/**
 * The ingest service on the real broker and registry: a feed polled from a loopback server and an article pushed over
 * HTTP land on news.articles.raw keyed by id with record time = published_at; a pushed article without a body lands
 * on news.dlq with its reason; a second poll of the unchanged feed adds nothing.
 */
class IngestIT {
    static final String TOKEN = "it-token-0123456789abcdef";

    @TempDir
    java.nio.file.Path state;

    @Test
    void feedAndPushedArticlesLandOnTheRawTopicInEventTime() throws Exception {
        HttpServer feedServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] rss = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Sahel Wire</title><language>en</language>"
            + "<item><title>Ambush near Mopti</title><link>https://sahelwire.example/news/1</link>"
            + "<description>Ten soldiers were killed in an ambush near Mopti.</description>"
            + "<pubDate>Tue, 10 Jan 2023 09:30:00 GMT</pubDate></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
        feedServer.createContext("/feed.xml", ex -> {
            try (ex) {
                ex.getResponseHeaders().set("ETag", "\"1\"");
                ex.sendResponseHeaders(200, rss.length);
                ex.getResponseBody().write(rss);
            }
        });
        feedServer.start();
        URI feedUrl = URI.create("http://127.0.0.1:" + feedServer.getAddress().getPort() + "/feed.xml");
        IngestConfig config = new IngestConfig(Map.of(), state,
            List.of(new IngestConfig.Feed(feedUrl, null, null, Duration.ofHours(1), false)), Set.of("127.0.0.1"),
            IngestConfig.Fetch.defaults(), new IngestConfig.Push("127.0.0.1", 0, TOKEN, 1_000_000), null, 100);

        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
            var serdes = new SitrepSerdes(SchemaRegistryClients.create(SharedRegistry.get().url(), Map.of()));
            try (Admin admin = Admin.create(client)) {
                TopicAdmin.createTopics(admin, new Topics(serdes).all(), 1, (short) 1);
            }
            try (KafkaArticleSink sink = new KafkaArticleSink(new ArticlePublisher(client, serdes));
                 IngestService service = new IngestService(config, 500_000, sink, Clock.systemUTC(), line -> { })) {
                assertThat(service.runOnce()).isZero();
                service.start();
                String batch = "[{\"url\": \"https://wakat.example/a\", \"outlet\": \"Wakat Séra\", \"language\": \"fr\","
                    + " \"published_at\": \"2023-01-11T07:00:00Z\", \"body\": \"Cinq soldats ont été tués.\"},"
                    + " {\"url\": \"https://wakat.example/b\", \"published_at\": \"2023-01-11T08:00:00Z\"}]";
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.pushPort() + "/articles"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(batch)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(service.runOnce()).isZero(); // the unchanged feed again: nothing new
            } finally {
                feedServer.stop(0);
            }

            // TopicReader drops record timestamps: read the raw topic with a consumer of our own.
            List<ConsumerRecord<byte[], byte[]>> raw = readRaw(client, 2);
            assertThat(raw).hasSize(2);
            List<Article> articles = raw.stream().map(rec -> serdes.article().deserialize(Topics.ARTICLES_RAW, rec.value())).toList();
            for (int i = 0; i < raw.size(); i++) {
                Article a = articles.get(i);
                assertThat(new String(raw.get(i).key(), StandardCharsets.UTF_8)).isEqualTo(a.getId());
                assertThat(Instant.ofEpochMilli(raw.get(i).timestamp())).isEqualTo(a.getPublishedAt());
                assertThat(a.getFetchedAt()).isNotNull();
            }
            assertThat(articles).extracting(Article::getOutlet).containsExactly("Sahel Wire", "Wakat Séra");
            assertThat(raw.get(0).timestamp()).isEqualTo(Instant.parse("2023-01-10T09:30:00Z").toEpochMilli());

            List<ConsumerRecord<String, DeadLetter>> dlq = TopicReader.readAll(client, Topics.DLQ, serdes.deadLetter()::deserialize);
            assertThat(dlq).singleElement().satisfies(rec -> {
                assertThat(rec.value().getSourceTopic()).isEqualTo("http:POST /articles");
                assertThat(rec.value().getReason()).isEqualTo("article 1: field 'body' is missing");
                assertThat(StandardCharsets.UTF_8.decode(rec.value().getValue()).toString()).contains("https://wakat.example/b");
            });
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readRaw(Map<String, Object> client, int expected) {
        Map<String, Object> props = new java.util.HashMap<>(client);
        props.put("isolation.level", "read_committed");
        List<ConsumerRecord<byte[], byte[]>> out = new java.util.ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(props,
            new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var tp = new org.apache.kafka.common.TopicPartition(Topics.ARTICLES_RAW, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return out.size() >= expected;
            });
            // and nothing more arrives behind them
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }
}
