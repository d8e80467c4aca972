package org.sitrep.extract;

import java.util.Set;

/**
 * How an article is read: {@link #EN} and {@link #FR} fully, {@link #OTHER} by pass-through ({@link PassThroughReader}:
 * places, dates, actors and digit figures next to the words of its language's lexicon, when the table has one).
 */
public enum Language {
    EN, FR, OTHER;

    /** English stop words, for {@link LanguageDetector}. */
    static final Set<String> EN_WORDS = Set.of(
            "the", "and", "of", "to", "in", "was", "were", "said", "on", "at", "by", "with", "from", "that", "is", "have",
            "has", "killed", "which", "their", "after");
    /** French stop words (folded), for {@link LanguageDetector}. */
    static final Set<String> FR_WORDS = Set.of(
            "le", "la", "les", "des", "et", "du", "une", "est", "dans", "pour", "qui", "au", "sur", "ont", "par", "ete",
            "selon", "aux", "ce", "sont", "avec");

    /**
     * The language of an article: its declared ISO 639-1 code when present ("en", "fr", "en-GB"...), otherwise the
     * guess of {@link LanguageDetector} over {@code sample}.
     */
    public static Language of(String declared, String sample) {
        if (declared != null && !declared.isBlank()) {
            return ofCode(LanguageDetector.normalise(declared));
        }
        return guess(sample);
    }

    /** EN or FR when {@link LanguageDetector} finds English or French in the sample; OTHER otherwise. */
    public static Language guess(String sample) {
        return ofCode(LanguageDetector.detect(sample));
    }

    /** EN for "en...", FR for "fr...", OTHER for any other code or null. */
    public static Language ofCode(String code) {
        if (code == null) {
            return OTHER;
        }
        if (code.startsWith("en")) {
            return EN;
        }
        if (code.startsWith("fr")) {
            return FR;
        }
        return OTHER;
    }
}
