package org.sitrep.ingest.service;

import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.sitrep.ingest.HtmlText;

/**
 * The main text of an article page:
 *
 * <ol>
 *   <li>page furniture is removed: {@code nav}, {@code header}, {@code footer}, {@code aside}, {@code script},
 *       {@code style}, forms and frames, elements whose class or id says advertising, sharing, newsletter, comments or
 *       related links, and "Read also" / "Lire aussi" blocks (a short block whose text starts so);</li>
 *   <li>of what remains, the {@code <article>} or {@code <main>} with the most text is the body; without either, the
 *       {@code <div>} with the most text in its own paragraphs (text of its direct {@code <p>} children, links
 *       not counted);</li>
 *   <li>that element is reduced to text by {@link HtmlText#textOf}, paragraphs kept.</li>
 * </ol>
 *
 * Returns an empty string when the page has no such block.
 */
public final class PageText {
    private static final String FURNITURE = "nav, header, footer, aside, script, style, noscript, form, iframe, "
        + "template, svg, figure figcaption, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";
    private static final Pattern AD_LIKE = Pattern.compile(
        "(^|[\\s_-])(ad|ads|adv|advert|advertisement|advertising|banner|sponsor(ed)?|promo|outbrain|taboola|share|sharing|"
            + "social|newsletter|subscribe|comments?|related|read-?also|lire-?aussi|cookie|popup|breadcrumbs?)($|[\\s_-])",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern READ_ALSO = Pattern.compile(
        "^\\s*(read also|also read|read more|see also|related|à lire aussi|a lire aussi|lire aussi|lire également|"
            + "voir aussi|sur le même sujet)\\b\\s*[:\\-–—]?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int MAX_READ_ALSO_CHARS = 400;

    private PageText() {
    }

    public static String extract(String html, String baseUri) {
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        Element body = doc.body();
        body.select(FURNITURE).remove();
        for (Element e : body.getAllElements()) {
            if (e != body && e.parent() != null && AD_LIKE.matcher(e.className() + " " + e.id()).find()) {
                e.remove();
            }
        }
        removeReadAlso(body);
        Element best = largest(body.select("article, main"));
        if (best == null) {
            best = densestDiv(body);
        }
        return best == null ? "" : HtmlText.textOf(best);
    }

    private static void removeReadAlso(Element root) {
        for (Element e : root.select("p, div, section, li, ul, h2, h3, h4, aside, blockquote")) {
            if (e.parent() == null) {
                continue; // already removed with an ancestor
            }
            String text = e.text();
            if (text.length() <= MAX_READ_ALSO_CHARS && READ_ALSO.matcher(text).find()) {
                e.remove();
            }
        }
    }

    private static Element largest(List<Element> candidates) {
        Element best = null;
        int bestLength = 0;
        for (Element e : candidates) {
            int n = e.text().length();
            if (n > bestLength) {
                best = e;
                bestLength = n;
            }
        }
        return best;
    }

    private static Element densestDiv(Element body) {
        Element best = null;
        int bestScore = 0;
        for (Element div : body.select("div")) {
            int score = 0;
            for (Element child : div.children()) {
                if (child.normalName().equals("p")) {
                    int linkText = child.select("a").text().length();
                    score += Math.max(0, child.text().length() - linkText);
                }
            }
            if (score > bestScore) {
                best = div;
                bestScore = score;
            }
        }
        return best;
    }
}
