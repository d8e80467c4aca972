package org.sitrep.ingest;

import java.util.Locale;

import org.sitrep.extract.Language;
import org.sitrep.schema.Article;

/**
 * An article's language: the ISO 639-1 code it declares ({@code en-GB} -> {@code en}), otherwise the guess of the
 * extractor's stop-word detector ({@link Language#guess}) over its title and body: {@code en}, {@code fr}, or
 * unknown (null) when neither language is evident.
 */
public final class Languages {
    private Languages() {
    }

    /** A declared language code normalised, or null when blank. */
    public static String normalise(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String c = declared.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = c.indexOf('-');
        return dash > 0 ? c.substring(0, dash) : c;
    }

    /** {@code en}, {@code fr} or null, from the text alone. */
    public static String detect(String title, String body) {
        String sample = (title == null ? "" : title + "\n") + (body == null ? "" : body);
        return switch (Language.guess(sample)) {
            case EN -> "en";
            case FR -> "fr";
            case OTHER -> null;
        };
    }

    /** The article itself when it declares a language, else a copy with the detected one (when any). */
    public static Article complete(Article article) {
        if (article.getLanguage() != null && !article.getLanguage().isBlank()) {
            return article;
        }
        String detected = detect(article.getTitle(), article.getBody());
        return detected == null ? article : Article.newBuilder(article).setLanguage(detected).build();
    }
}
