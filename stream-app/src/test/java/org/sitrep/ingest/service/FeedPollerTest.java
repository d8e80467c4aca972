package org.sitrep.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.ingest.ArticleIds;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.schema.Article;

class FeedPollerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2023-01-12T08:00:00Z"), ZoneOffset.UTC);
    static final String LAST_MODIFIED = "Wed, 11 Jan 2023 18:00:00 GMT";

    @TempDir
    Path state;
    Loopback server;
    final AtomicReference<String> feed = new AtomicReference<>();
    final AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
    /** When false the server ignores conditional headers, like many real ones. */
    volatile boolean honoursConditionals = true;
    RecordingSink sink = new RecordingSink();

    @BeforeEach
    void start() throws Exception {
        server = new Loopback();
        server.route("/feed.xml", ex -> {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            if (honoursConditionals && etag.get().equals(inm)) {
                Loopback.send(ex, 304, null, new byte[0]);
                return;
            }
            ex.getResponseHeaders().set("ETag", etag.get());
            ex.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
            Loopback.send(ex, 200, "application/rss+xml", feed.get().getBytes(StandardCharsets.UTF_8));
        });
        feed.set(rss(item("/news/1", "Ambush near Mopti", "Ten soldiers were killed in an ambush near Mopti on Tuesday."),
            item("/news/2", "Attaque à Ségou", "Cinq civils ont été tués lors d'une attaque dans la région de Ségou.")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    FeedPoller poller(IngestConfig.Feed f) {
        SafeFetcher fetcher = new SafeFetcher(Set.of("127.0.0.1"), IngestConfig.Fetch.defaults());
        return new FeedPoller(f, fetcher, new ArticleValidator(500_000, CLOCK), sink, state, 100, 1_000_000, CLOCK);
    }

    IngestConfig.Feed plain() {
        return new IngestConfig.Feed(server.url("/feed.xml"), null, null, Duration.ofMinutes(5), false);
    }

    @Test
    void secondPollIsConditionalAndA304EmitsNothing() throws Exception {
        FeedPoller p = poller(plain());
        FeedPoller.Result first = p.poll();
        assertThat(first.published()).isEqualTo(2);
        assertThat(server.requests.get(0).headers().containsKey("If-None-Match")).isFalse();
        assertThat(sink.published).allSatisfy(a -> {
            assertThat(a.getOutlet()).isEqualTo("Sahel Wire");
            assertThat(a.getFetchedAt()).isEqualTo(CLOCK.instant());
        });
        assertThat(sink.published.get(0).getId()).isEqualTo(ArticleIds.fromUrl(server.url("/news/1").toString()));
        assertThat(sink.published.get(0).getPublishedAt()).isEqualTo(Instant.parse("2023-01-11T09:30:00Z"));
        assertThat(sink.published).extracting(Article::getLanguage).containsExactly("en", "fr");

        FeedPoller.Result second = p.poll();
        Loopback.Request conditional = server.requests.get(1);
        assertThat(conditional.headers().getFirst("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.headers().getFirst("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
        assertThat(second.notModified()).isTrue();
        assertThat(sink.published).hasSize(2);
    }

    @Test
    void aRestartReEmitsNothingAndOnlyNewItemsGoOut() throws Exception {
        honoursConditionals = false; // the state file alone must prevent re-emission
        poller(plain()).poll();
        assertThat(sink.published).hasSize(2);
        FeedState saved = FeedState.load(state, server.url("/feed.xml"));
        assertThat(saved.etag()).isEqualTo("\"v1\"");
        assertThat(saved.lastModified()).isEqualTo(LAST_MODIFIED);
        assertThat(saved.seenIds()).containsExactlyElementsOf(sink.ids());

        FeedPoller restarted = poller(plain()); // a new instance reads only the state directory
        FeedPoller.Result again = restarted.poll();
        assertThat(again.published()).isZero();
        assertThat(again.skipped()).isEqualTo(2);

        feed.set(rss(item("/news/3", "IED in Gao", "An improvised explosive device killed four soldiers near Gao."),
            item("/news/1", "Ambush near Mopti", "Ten soldiers were killed in an ambush near Mopti on Tuesday."),
            item("/news/2", "Attaque à Ségou", "Cinq civils ont été tués lors d'une attaque dans la région de Ségou.")));
        etag.set("\"v2\"");
        assertThat(poller(plain()).poll().published()).isEqualTo(1);
        assertThat(sink.published).extracting(Article::getTitle).containsExactly("Ambush near Mopti", "Attaque à Ségou", "IED in Gao");
    }

    @Test
    void aFailedPublishLeavesTheStateSoTheNextPollRetries() throws Exception {
        sink.failNext = true;
        FeedPoller p = poller(plain());
        assertThatThrownBy(p::poll).hasMessageContaining("refused by Kafka");
        assertThat(Files.exists(FeedState.fileOf(state, server.url("/feed.xml")))).isFalse();
        assertThat(p.poll().published()).isEqualTo(2);
        assertThat(server.requests.get(1).headers().containsKey("If-None-Match")).isFalse();
    }

    @Test
    void invalidItemsAreDeadLetteredOnce() throws Exception {
        honoursConditionals = false;
        feed.set(rss(item("/news/1", "Ambush near Mopti", "Ten soldiers were killed in an ambush near Mopti on Tuesday."),
            "<item><title>No link</title><description>text</description><pubDate>Wed, 11 Jan 2023 09:30:00 GMT</pubDate></item>"));
        poller(plain()).poll();
        poller(plain()).poll();
        assertThat(sink.published).hasSize(1);
        assertThat(sink.rejected).hasSize(1);
        assertThat(sink.rejected.get(0).origin()).isEqualTo("feed:" + server.url("/feed.xml"));
        assertThat(sink.rejected.get(0).line().error()).isEqualTo("item 2: no link");
    }

    @Test
    void configuredOutletAndLanguageApplyAndPagesReplaceShortDescriptions() throws Exception {
        feed.set("""
            <?xml version="1.0"?><rss version="2.0"><channel><title>Sahel Wire</title>
            %s</channel></rss>""".formatted(item("/page/ambush", "Ambush", "Soldiers killed near Mopti.")));
        server.route("/page/ambush", ex -> Loopback.send(ex, 200, "text/html; charset=utf-8",
            PageTextTest.PAGE.getBytes(StandardCharsets.UTF_8)));
        poller(new IngestConfig.Feed(server.url("/feed.xml"), "Sahel Wire (EN)", "en", Duration.ofMinutes(5), true)).poll();
        Article a = sink.published.get(0);
        assertThat(a.getOutlet()).isEqualTo("Sahel Wire (EN)");
        assertThat(a.getLanguage()).isEqualTo("en");
        assertThat(a.getBody()).startsWith("Soldiers killed in ambush near Mopti\n\nGunmen ambushed an army convoy")
            .doesNotContain("Read also").doesNotContain("Subscribe");
    }

    @Test
    void pagesOnHostsOutsideTheAllowlistAreNotFetched() throws Exception {
        URI page = URI.create("http://localhost:" + server.port() + "/page/x");
        feed.set(rss("<item><title>T</title><link>" + page + "</link><description>Soldiers were killed near Mopti.</description>"
            + "<pubDate>Wed, 11 Jan 2023 09:30:00 GMT</pubDate></item>"));
        poller(new IngestConfig.Feed(server.url("/feed.xml"), null, null, Duration.ofMinutes(5), true)).poll();
        assertThat(sink.published.get(0).getBody()).isEqualTo("Soldiers were killed near Mopti.");
        assertThat(server.count("/page/x")).isZero();
    }

    String item(String path, String title, String description) {
        return "<item><title>" + title + "</title><link>" + server.url(path) + "</link><description>" + description
            + "</description><pubDate>Wed, 11 Jan 2023 09:30:00 GMT</pubDate></item>";
    }

    static String rss(String... items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Sahel Wire</title>"
            + String.join("", items) + "</channel></rss>";
    }
}
