package org.sitrep.ingest;

import org.sitrep.extract.LanguageDetector;
import org.sitrep.schema.Article;

/**
 * An article's language: the ISO 639-1 code it declares ({@code en-GB} -> {@code en}), otherwise the guess of the
 * extractor's detector ({@link LanguageDetector}) over its title and body: {@code en}, {@code fr}, {@code es},
 * {@code pt}, {@code de}, {@code it} by stop words, a script's language ({@code ar} for Arabic script...), or unknown
 * (null) when nothing is evident.
 */
public final class Languages {
    private Languages() {
    }

    /** A declared language code normalised, or null when blank. */
    public static String normalise(String declared) {
        return LanguageDetector.normalise(declared);
    }

    /** The detected ISO 639-1 code, or null, from the text alone (an undetermined script is null too). */
    public static String detect(String title, String body) {
        String sample = (title == null ? "" : title + "\n") + (body == null ? "" : body);
        String code = LanguageDetector.detect(sample);
        return LanguageDetector.UNDETERMINED.equals(code) ? null : code;
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
