package org.sitrep.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML reduced to plain text with its paragraphs kept: block elements ({@code p}, {@code div}, {@code li}, headings,
 * {@code br}...) end a paragraph, paragraphs are joined by a blank line (as in the JSON Lines feeds), whitespace inside
 * a paragraph is folded, and scripts, styles and embedded objects are dropped. Text without markup is only tidied.
 */
public final class HtmlText {
    static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "tr", "table", "section", "article", "header", "footer", "aside", "figure", "figcaption",
        "dd", "dt", "hr", "main", "nav", "form");
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "iframe", "object", "embed",
        "svg", "template", "button", "select", "input", "textarea");

    private HtmlText() {
    }

    /** Plain text of an HTML fragment (or of text that merely looks like one); never null. */
    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return tidy(html.replace("\r\n", "\n"));
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        return textOf(body);
    }

    /** Plain text of an element already parsed, paragraphs separated by blank lines. */
    public static String textOf(Element root) {
        root.select(String.join(",", DROPPED)).remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append("\n\n");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append("\n\n");
                }
            }
        }, root);
        return tidy(out.toString());
    }

    /** Folds whitespace inside paragraphs (blank-line separated, or single lines in markup-free text) and drops empty ones. */
    static String tidy(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String p : text.split("\\n\\s*\\n")) {
            String folded = p.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
            if (!folded.isEmpty()) {
                paragraphs.add(folded);
            }
        }
        return String.join("\n\n", paragraphs);
    }
}
