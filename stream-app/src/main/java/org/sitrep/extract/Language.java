package org.sitrep.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The languages extraction knows; {@link #OTHER} gets digits-only number reading. */
public enum Language {
    EN, FR, OTHER;

    private static final Set<String> EN_WORDS = Set.of(
            "the", "and", "of", "to", "in", "was", "were", "said", "on", "at", "by", "with", "from", "that", "is", "have",
            "has", "killed", "which", "their", "after");
    private static final Set<String> FR_WORDS = Set.of(
            "le", "la", "les", "des", "et", "du", "une", "est", "dans", "pour", "qui", "au", "sur", "ont", "par", "ete",
            "selon", "aux", "ce", "sont", "avec");

    /**
     * The language of an article: its declared ISO 639-1 code when present ("en", "fr", "en-GB"...), otherwise a guess
     * from stop-word counts over the first 3,000 characters (at least 3 hits and more than the other language).
     */
    public static Language of(String declared, String sample) {
        if (declared != null && !declared.isBlank()) {
            String d = declared.strip().toLowerCase(Locale.ROOT);
            if (d.startsWith("en")) {
                return EN;
            }
            if (d.startsWith("fr")) {
                return FR;
            }
            return OTHER;
        }
        return guess(sample);
    }

    /** Guesses EN or FR from stop words; OTHER when neither reaches 3 hits. */
    public static Language guess(String sample) {
        if (sample == null || sample.isEmpty()) {
            return OTHER;
        }
        String s = sample.length() > 3_000 ? sample.substring(0, 3_000) : sample;
        List<String> words = Text.words(s);
        int en = 0;
        int fr = 0;
        for (String w : words) {
            if (EN_WORDS.contains(w)) {
                en++;
            }
            if (FR_WORDS.contains(w)) {
                fr++;
            }
        }
        if (en >= 3 && en > fr) {
            return EN;
        }
        if (fr >= 3 && fr > en) {
            return FR;
        }
        return OTHER;
    }
}
