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

    /**
     * NFKC, lower case, every run of characters that are not letters or digits collapsed to one space, trimmed. Runs
     * for every article (the fingerprint, and the MinHash shingles), so without a builder: NFKC only when the text is
     * not already in that form (a quick check; most text is), and the kept characters copied into one array.
     */
    static String normalise(String text) {
        String nfkc = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text
            : Normalizer.normalize(text, Normalizer.Form.NFKC);
        String n = nfkc.toLowerCase(Locale.ROOT);
        char[] out = new char[n.length()]; // a space is written only in place of at least one character dropped
        int length = 0;
        boolean gap = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            int chars = Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (gap && length > 0) {
                    out[length++] = ' ';
                }
                n.getChars(i, i + chars, out, length);
                length += chars;
                gap = false;
            } else {
                gap = true;
            }
            i += chars;
        }
        return new String(out, 0, length);
    }
}
