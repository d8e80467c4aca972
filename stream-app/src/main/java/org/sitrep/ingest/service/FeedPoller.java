package org.sitrep.ingest.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.sitrep.ingest.ArticleFile;
import org.sitrep.ingest.ArticleIds;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.ingest.FeedArticles;
import org.sitrep.ingest.FeedParser;
import org.sitrep.ingest.InvalidArticleException;
import org.sitrep.ingest.Languages;
import org.sitrep.schema.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one feed: a conditional GET with the stored validators (a 304 ends it), the items parsed with
 * {@link FeedParser} and {@link FeedArticles}, those already emitted skipped, optionally the article page fetched and
 * its main text ({@link PageText}) used as the body when longer than the feed's, then the new articles published and
 * the rejected items dead-lettered, and only then the state saved. A crash between publishing and saving re-emits
 * the same articles under the same ids at the next start (at least once; the pipeline drops the copies).
 */
public final class FeedPoller {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    /** What one poll did. */
    public record Result(boolean notModified, int published, int rejected, int skipped) {
    }

    private final IngestConfig.Feed feed;
    private final SafeFetcher fetcher;
    private final FeedParser parser;
    private final ArticleValidator validator;
    private final ArticleSink sink;
    private final Path stateDir;
    private final int seenWindow;
    private final Clock clock;

    public FeedPoller(IngestConfig.Feed feed, SafeFetcher fetcher, ArticleValidator validator, ArticleSink sink,
                      Path stateDir, int seenWindow, long maxFeedBytes, Clock clock) {
        this.feed = feed;
        this.fetcher = fetcher;
        this.parser = new FeedParser(maxFeedBytes);
        this.validator = validator;
        this.sink = sink;
        this.stateDir = stateDir;
        this.seenWindow = seenWindow;
        this.clock = clock;
    }

    public URI url() {
        return feed.url();
    }

    /** Polls once; throws when the feed cannot be fetched or publishing fails (the state is then left as it was). */
    public Result poll() throws IOException {
        FeedState state = FeedState.load(stateDir, feed.url());
        SafeFetcher.Response response = fetcher.get(feed.url(), state.etag(), state.lastModified());
        if (response.notModified()) {
            return new Result(true, 0, 0, 0);
        }
        Instant fetchedAt = clock.instant();
        String origin = "feed:" + feed.url();
        FeedParser.Feed parsed;
        try {
            parsed = parser.parse(new ByteArrayInputStream(response.body()), feed.url().toString());
        } catch (FeedParser.FeedException e) {
            // The whole document is refused; dead-letter it once per version (keyed by its content hash).
            String key = "doc-" + ArticleIds.sha256Hex(new String(response.body(), StandardCharsets.ISO_8859_1)).substring(0, 16);
            int rejected = 0;
            if (!state.seen(key)) {
                sink.reject(origin, List.of(new ArticleFile.Line(1, abbreviate(response.body()), null, e.getMessage())));
                rejected = 1;
            }
            state.update(response.etag(), response.lastModified(), List.of(key), seenWindow);
            state.save();
            return new Result(false, 0, rejected, 0);
        }
        List<Article> articles = new ArrayList<>();
        List<ArticleFile.Line> rejected = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int skipped = 0;
        for (FeedParser.Item item : parsed.items()) {
            String key = keyOf(item);
            ids.add(key);
            if (state.seen(key)) {
                skipped++;
                continue;
            }
            try {
                Article a = FeedArticles.toArticle(parsed, item, fetchedAt);
                a = withFeedSettings(a, parsed, item);
                if (feed.fetchPages()) {
                    a = withPageText(a);
                }
                articles.add(validator.requireValid(a));
            } catch (InvalidArticleException e) {
                rejected.add(new ArticleFile.Line(item.number(), FeedArticles.describe(item), null,
                    "item " + item.number() + ": " + e.getMessage()));
            }
        }
        sink.reject(origin, rejected);
        sink.publish(articles);
        // Keep at least every item of the current document, so a long feed never re-emits its own tail.
        state.update(response.etag(), response.lastModified(), ids, Math.max(seenWindow, 2 * ids.size()));
        state.save();
        return new Result(false, articles.size(), rejected.size(), skipped);
    }

    /** The article id when the item has a link, else a hash of what identifies it (so rejected items are remembered too). */
    static String keyOf(FeedParser.Item item) {
        String url = item.link() != null ? item.link()
            : item.guid() != null && item.guid().matches("(?i)https?://\\S+") ? item.guid() : null;
        if (url != null) {
            return ArticleIds.fromUrl(url);
        }
        return "x-" + ArticleIds.sha256Hex(String.valueOf(item.guid()) + '\n' + item.title() + '\n'
            + item.published()).substring(0, 16);
    }

    private Article withFeedSettings(Article a, FeedParser.Feed parsed, FeedParser.Item item) {
        Article.Builder b = Article.newBuilder(a);
        if (feed.outlet() != null) {
            b.setOutlet(feed.outlet());
        }
        boolean declared = Languages.normalise(item.language()) != null || Languages.normalise(parsed.language()) != null;
        if (feed.language() != null && !declared) {
            b.setLanguage(Languages.normalise(feed.language()));
        }
        return b.build();
    }

    private Article withPageText(Article a) {
        URI page;
        try {
            page = URI.create(a.getUrl().trim());
        } catch (IllegalArgumentException e) {
            return a;
        }
        try {
            SafeFetcher.Response r = fetcher.get(page, null, null);
            String text = PageText.extract(new String(r.body(), charsetOf(r.contentType())), r.url().toString());
            if (text.length() > a.getBody().length()) {
                return Article.newBuilder(a).setBody(text).build();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("page of {} not used: {}", a.getId(), e.getMessage());
        }
        return a;
    }

    private static Charset charsetOf(String contentType) {
        if (contentType != null) {
            int i = contentType.toLowerCase(java.util.Locale.ROOT).indexOf("charset=");
            if (i >= 0) {
                try {
                    return Charset.forName(contentType.substring(i + 8).replace("\"", "").split(";")[0].trim());
                } catch (RuntimeException ignored) {
                    // fall back to UTF-8
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String abbreviate(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
        return body.length > 4096 ? s + "..." : s;
    }
}
