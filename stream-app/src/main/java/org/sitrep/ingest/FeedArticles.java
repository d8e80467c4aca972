package org.sitrep.ingest;

import java.net.URI;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sitrep.schema.Article;

/**
 * Turns a feed item into an article: link (or a URL guid) -> {@code url} and, through its canonical form, {@code id};
 * publication date (pubDate, published, dc:date, else updated) -> {@code published_at}; title and
 * content:encoded/content (else description/summary), HTML reduced to text -> {@code title}, {@code body}; the feed's
 * title (else the link's host) -> {@code outlet}; the item's or feed's language, else detected.
 */
public final class FeedArticles {
    private FeedArticles() {
    }

    /**
     * The article of {@code item}, or throws {@link InvalidArticleException} saying what is missing.
     *
     * @param fetchedAt when the feed was fetched, or null for a file read from disk
     */
    public static Article toArticle(FeedParser.Feed feed, FeedParser.Item item, Instant fetchedAt) {
        String url = item.link();
        if (url == null && item.guid() != null && item.guid().matches("(?i)https?://\\S+")) {
            url = item.guid();
        }
        if (url == null) {
            throw new InvalidArticleException("no link");
        }
        String published = item.published() != null ? item.published() : item.updated();
        if (published == null) {
            throw new InvalidArticleException("no publication date");
        }
        String title = HtmlText.toText(item.title()).replace("\n\n", " ");
        String body = HtmlText.toText(item.content() != null ? item.content() : item.summary());
        String language = Languages.normalise(item.language());
        Article article = Article.newBuilder()
            .setId(ArticleIds.fromUrl(url))
            .setUrl(url)
            .setOutlet(outlet(feed, url))
            .setLanguage(language)
            .setPublishedAt(FeedDates.parse(published, "published_at"))
            .setFetchedAt(fetchedAt)
            .setTitle(title)
            .setBody(body)
            .build();
        return Languages.complete(article);
    }

    /** The item's fields as a small JSON object: what a dead letter keeps of an item that was rejected. */
    public static String describe(FeedParser.Item item) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("item", item.number());
        n.put("link", item.link());
        n.put("guid", item.guid());
        n.put("title", item.title());
        n.put("published", item.published());
        n.put("updated", item.updated());
        String text = item.content() != null ? item.content() : item.summary();
        n.put("body_chars", text == null ? 0 : text.length());
        return n.toString();
    }

    private static String outlet(FeedParser.Feed feed, String url) {
        if (feed.title() != null) {
            String t = HtmlText.toText(feed.title()).replace("\n\n", " ");
            if (!t.isBlank()) {
                return t.length() > 200 ? t.substring(0, 200) : t;
            }
        }
        try {
            String host = URI.create(ArticleIds.canonicalUrl(url)).getHost();
            if (host != null) {
                return host;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new InvalidArticleException("no feed title and no host in link '" + url + "'");
    }
}
