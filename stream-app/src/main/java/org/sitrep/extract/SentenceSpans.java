package org.sitrep.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.extract.SentenceSplitter.Located;
import org.sitrep.schema.Claim;

/**
 * Where each claim's sentence is in the article's original body: {@code span_start} and {@code span_end}, UTF-16
 * indexes such that {@code body.substring(span_start, span_end)} is the sentence as published.
 *
 * <p>The cleaned paragraphs remember where each character came from ({@link TextCleaner#mappedParagraphs}); a
 * sentence's span runs from the source of its first character to the end of the source of its last (an entity or a
 * tag inside it included). A span is given only when it reads back as the sentence ({@link TextCleaner#readsAs}: its
 * HTML stripped, entities decoded, NFC, equal but for white space); otherwise, as when a dropped boilerplate line
 * sits inside a joined paragraph, it stays null rather than be wrong. A sentence cut at {@link Extractor#SENTENCE_CAP}
 * characters is spanned as cut. Claims whose sentence occurs several times take its first occurrence, the one they
 * were read from.
 */
final class SentenceSpans {

    private SentenceSpans() {}

    /** The claims, each with its span where one is found; in the same order. */
    static List<Claim> withSpans(List<Claim> claims, List<Located> sentences, List<MappedText> paragraphs, String body,
            int sentenceCap) {
        if (claims.isEmpty() || body == null) {
            return claims;
        }
        Map<String, Located> first = new HashMap<>();
        for (Located l : sentences) {
            String text = l.sentence().text();
            first.putIfAbsent(text.length() > sentenceCap ? text.substring(0, sentenceCap) : text, l);
        }
        List<Claim> out = new ArrayList<>(claims.size());
        for (Claim c : claims) {
            int[] span = span(first.get(c.getSentence()), c.getSentence(), paragraphs, body);
            out.add(span == null ? c : Claim.newBuilder(c).setSpanStart(span[0]).setSpanEnd(span[1]).build());
        }
        return out;
    }

    /** {start, end} of the sentence in the body, or null when it cannot be located exactly. */
    static int[] span(Located where, String sentence, List<MappedText> paragraphs, String body) {
        if (where == null || sentence == null || sentence.isEmpty()) {
            return null;
        }
        int p = where.sentence().paragraph();
        if (p < 0 || p >= paragraphs.size()) {
            return null;
        }
        MappedText paragraph = paragraphs.get(p);
        int end = where.start() + sentence.length();
        if (where.start() < 0 || end > paragraph.length()
                || !paragraph.toString().startsWith(sentence, where.start())) {
            return null;
        }
        int a = paragraph.sourceStart(where.start());
        int b = paragraph.sourceEnd(end);
        if (a < 0 || b > body.length() || a >= b) {
            return null;
        }
        return TextCleaner.readsAs(body.substring(a, b), sentence) ? new int[] {a, b} : null;
    }
}
