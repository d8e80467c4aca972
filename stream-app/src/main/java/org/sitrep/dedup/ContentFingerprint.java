package org.sitrep.dedup;

import java.text.Normalizer;
import java.util.Locale;

import org.sitrep.ingest.ArticleIds;
import org.sitrep.schema.Article;

/**
 * The fingerprint of an article's content: the SHA-256 of its body normalised so that copies differing only in case,
 * whitespace, punctuation or Unicode form match. Titles are left out: syndicating sites rewrite headlines.
 */
public final class ContentFingerprint {
    private ContentFingerprint() {
    }

    public static String of(Article article) {
        return ArticleIds.sha256Hex(normalise(article.getBody())).substring(0, 32);
    }

    /** NFKC, lower case, every run of characters that are not letters or digits collapsed to one space, trimmed. */
    static String normalise(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        boolean gap = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                out.appendCodePoint(cp);
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString();
    }
}
