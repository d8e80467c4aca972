package org.sitrep.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.schema.Article;

class FeedParserTest {
    static final String RSS = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Sahel Wire</title>
            <link>https://sahelwire.example/</link>
            <language>fr-FR</language>
            <image><title>logo</title><url>https://sahelwire.example/logo.png</url></image>
            <item>
              <title>Embuscade &amp; pertes pr&#232;s de Macina</title>
              <link>https://www.sahelwire.example/2023/01/10/embuscade?utm_source=rss</link>
              <guid isPermaLink="false">sw-1001</guid>
              <pubDate>Tue, 10 Jan 2023 14:05:00 GMT</pubDate>
              <description>Short teaser</description>
              <content:encoded><![CDATA[<p>Quatorze soldats ont été tués mardi dans une embuscade.</p><div class="x">Selon l'armée, <b>onze</b> ont été blessés.</div><script>alert(1)</script>]]></content:encoded>
            </item>
            <item>
              <title>No date here</title>
              <link>https://sahelwire.example/2023/01/11/x</link>
              <description>Body</description>
            </item>
            <item>
              <guid>https://sahelwire.example/guid-as-link</guid>
              <dc:date>2023-01-12T08:00:00+01:00</dc:date>
              <description>&lt;p&gt;Escaped &lt;i&gt;HTML&lt;/i&gt; paragraph one.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</description>
            </item>
          </channel>
        </rss>
        """;

    static final String ATOM = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title type="text">Lake Chad Monitor</title>
          <link rel="self" href="https://lcm.example/feed.atom"/>
          <entry>
            <title>Soldiers killed in Borno attack</title>
            <link rel="replies" href="https://lcm.example/comments/7"/>
            <link rel="alternate" href="https://lcm.example/news/borno-attack"/>
            <id>tag:lcm.example,2023:7</id>
            <updated>2023-02-02T10:00:00Z</updated>
            <published>2023-02-01T18:30:00Z</published>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Insurgents attacked a base in Borno on Tuesday and the army said that seven soldiers were killed.</p><p>Residents said the fighters came on motorcycles.</p></div></content>
          </entry>
          <entry xml:lang="fr">
            <title>Attaque</title>
            <link href="https://lcm.example/fr/attaque"/>
            <updated>2023-02-03T10:00:00Z</updated>
            <summary type="html">&lt;p&gt;Texte.&lt;/p&gt;</summary>
          </entry>
        </feed>
        """;

    private final ArticleSource source = new ArticleSource(new ArticleValidator(100_000));

    @Test
    void rssItemsBecomeArticles() throws Exception {
        var lines = source.read(stream(RSS), "rss.xml", null);
        assertThat(lines).hasSize(3);
        Article a = lines.get(0).article();
        assertThat(a.getUrl()).isEqualTo("https://www.sahelwire.example/2023/01/10/embuscade?utm_source=rss");
        assertThat(a.getId()).isEqualTo(ArticleIds.fromUrl("https://sahelwire.example/2023/01/10/embuscade"));
        assertThat(a.getOutlet()).isEqualTo("Sahel Wire");
        assertThat(a.getLanguage()).isEqualTo("fr");
        assertThat(a.getTitle()).isEqualTo("Embuscade & pertes près de Macina");
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2023-01-10T14:05:00Z"));
        assertThat(a.getFetchedAt()).isNull();
        // content:encoded wins over the teaser; markup gone, paragraphs kept, scripts dropped
        assertThat(a.getBody()).isEqualTo("Quatorze soldats ont été tués mardi dans une embuscade.\n\n"
            + "Selon l'armée, onze ont été blessés.");

        assertThat(lines.get(1).ok()).isFalse();
        assertThat(lines.get(1).error()).isEqualTo("item 2: no publication date");
        assertThat(lines.get(1).text()).contains("\"link\":\"https://sahelwire.example/2023/01/11/x\"");

        Article c = lines.get(2).article();
        assertThat(c.getUrl()).isEqualTo("https://sahelwire.example/guid-as-link");
        assertThat(c.getPublishedAt()).isEqualTo(Instant.parse("2023-01-12T07:00:00Z"));
        assertThat(c.getBody()).isEqualTo("Escaped HTML paragraph one.\n\nTwo.");
    }

    @Test
    void atomEntriesBecomeArticles() throws Exception {
        var lines = source.read(stream(ATOM), "feed.atom", Instant.parse("2023-02-04T00:00:00Z"));
        assertThat(lines).allMatch(ArticleFile.Line::ok);
        Article a = lines.get(0).article();
        assertThat(a.getUrl()).isEqualTo("https://lcm.example/news/borno-attack");
        assertThat(a.getOutlet()).isEqualTo("Lake Chad Monitor");
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2023-02-01T18:30:00Z"));
        assertThat(a.getFetchedAt()).isEqualTo(Instant.parse("2023-02-04T00:00:00Z"));
        assertThat(a.getBody()).startsWith("Insurgents attacked a base").contains("\n\nResidents said");
        assertThat(a.getLanguage()).as("no declared language: detected from the English text").isEqualTo("en");
        Article b = lines.get(1).article();
        assertThat(b.getLanguage()).isEqualTo("fr");
        assertThat(b.getPublishedAt()).as("updated when nothing else").isEqualTo(Instant.parse("2023-02-03T10:00:00Z"));
        assertThat(b.getBody()).isEqualTo("Texte.");
    }

    @Test
    void externalEntitiesAreRefusedAndNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> ]>
            <rss version="2.0"><channel><title>x</title><item><title>t</title><link>https://a.example/1</link>
            <pubDate>Tue, 10 Jan 2023 14:05:00 GMT</pubDate><description>&xxe;</description></item></channel></rss>
            """.formatted(secret.toUri());
        assertThatThrownBy(() -> new FeedParser().parse(stream(xxe), "xxe.xml"))
            .isInstanceOf(FeedParser.FeedException.class)
            .hasMessageContaining("DOCTYPE")
            .hasMessageNotContaining("TOP-SECRET");
        var lines = source.read(stream(xxe), "xxe.xml", null);
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.ok()).isFalse();
            assertThat(l.error()).contains("feed refused");
        });
    }

    @Test
    void anExternalDtdIsNeverFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] dtd = "<!ENTITY ext \"EXPANDED\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        server.start();
        try {
            String feed = """
                <?xml version="1.0"?>
                <!DOCTYPE rss SYSTEM "http://127.0.0.1:%d/evil.dtd">
                <rss version="2.0"><channel><title>&ext;</title></channel></rss>
                """.formatted(server.getAddress().getPort());
            assertThatThrownBy(() -> new FeedParser().parse(stream(feed), "dtd.xml"))
                .isInstanceOf(FeedParser.FeedException.class).hasMessageContaining("DOCTYPE");
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void billionLaughsIsRefusedWithoutExpansion() {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        doc.append(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            doc.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        doc.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>\n");
        String bomb = doc.toString();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
            assertThatThrownBy(() -> new FeedParser().parse(stream(bomb), "lol.xml"))
                .isInstanceOf(FeedParser.FeedException.class)
                .hasMessageContaining("feed refused").hasMessageContaining("DOCTYPE"));
    }

    @Test
    void undeclaredEntityReferencesAreRejected() {
        String feed = "<rss version=\"2.0\"><channel><title>&nbsp;x</title></channel></rss>";
        assertThatThrownBy(() -> new FeedParser().parse(stream(feed), "ent.xml"))
            .isInstanceOf(FeedParser.FeedException.class).hasMessageContaining("ent.xml");
    }

    @Test
    void feedsOverTheSizeCapAreRefused() {
        String big = "<rss version=\"2.0\"><channel><title>x</title>"
            + "<item><title>t</title><description>" + "a".repeat(50_000) + "</description></item></channel></rss>";
        assertThatThrownBy(() -> new FeedParser(10_000).parse(stream(big), "big.xml"))
            .isInstanceOf(FeedParser.FeedException.class)
            .hasMessageContaining("big.xml: feed refused: larger than the limit of 10000 bytes");
    }

    @Test
    void otherXmlAndGarbageAreNotFeeds() {
        assertThatThrownBy(() -> new FeedParser().parse(stream("<html><body/></html>"), "page.html"))
            .hasMessageContaining("not an RSS or Atom feed (root element <html>)");
        assertThatThrownBy(() -> new FeedParser().parse(stream("<rss><channel>"), "cut.xml"))
            .hasMessageContaining("cut.xml: not well-formed XML");
    }

    @Test
    void feedDatesInTheirUsualForms() {
        assertThat(FeedDates.parse("Tue, 10 Jan 2023 14:05:00 +0100", "d")).isEqualTo(Instant.parse("2023-01-10T13:05:00Z"));
        assertThat(FeedDates.parse("10 Jan 2023 14:05 EST", "d")).isEqualTo(Instant.parse("2023-01-10T19:05:00Z"));
        assertThat(FeedDates.parse("Tue, 10 Jan 23 14:05:00 GMT", "d")).isEqualTo(Instant.parse("2023-01-10T14:05:00Z"));
        assertThat(FeedDates.parse("Tue,  3 Jan 2023 14:05:00 UT", "d")).isEqualTo(Instant.parse("2023-01-03T14:05:00Z"));
        assertThat(FeedDates.parse("2023-01-10T14:05:00+01:00", "d")).isEqualTo(Instant.parse("2023-01-10T13:05:00Z"));
        assertThatThrownBy(() -> FeedDates.parse("yesterday", "pubDate")).isInstanceOf(InvalidArticleException.class)
            .hasMessageContaining("'pubDate' is not a date");
    }

    static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
