package org.sitrep.extract;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language of a text: an ISO 639-1 code, or null when nothing is evident. Pure and cheap: it looks at the
 * first {@value #SAMPLE} characters.
 *
 * <ol>
 *   <li><b>Script.</b> When letters of one non-Latin script outnumber the Latin ones, the script decides: Arabic
 *       "ar", Hebrew "he", Greek "el", Han "zh", Hiragana/Katakana "ja", Hangul "ko", Thai "th", Devanagari "hi",
 *       Armenian "hy", Georgian "ka"; a script several languages share (Cyrillic, Ethiopic...) gives "und"
 *       (undetermined).</li>
 *   <li><b>Stop words</b> of Latin-script text: English and French (the lists of {@link Language}), Spanish,
 *       Portuguese, German and Italian ({@link LanguageProfiles}); each list holds frequent words of its language
 *       that the others lack. The language with the most hits wins when it has at least 3 and strictly more than
 *       every other; otherwise null.</li>
 * </ol>
 */
public final class LanguageDetector {

    /** Characters of a text that are looked at. */
    public static final int SAMPLE = 3_000;
    /** Undetermined (ISO 639-2): a script several languages share. */
    public static final String UNDETERMINED = "und";

    private static final Map<UnicodeScript, String> SCRIPTS = new EnumMap<>(UnicodeScript.class);

    static {
        SCRIPTS.put(UnicodeScript.ARABIC, "ar");
        SCRIPTS.put(UnicodeScript.HEBREW, "he");
        SCRIPTS.put(UnicodeScript.GREEK, "el");
        SCRIPTS.put(UnicodeScript.HAN, "zh");
        SCRIPTS.put(UnicodeScript.HIRAGANA, "ja");
        SCRIPTS.put(UnicodeScript.KATAKANA, "ja");
        SCRIPTS.put(UnicodeScript.HANGUL, "ko");
        SCRIPTS.put(UnicodeScript.THAI, "th");
        SCRIPTS.put(UnicodeScript.DEVANAGARI, "hi");
        SCRIPTS.put(UnicodeScript.ARMENIAN, "hy");
        SCRIPTS.put(UnicodeScript.GEORGIAN, "ka");
    }

    /** Stop words by language, English and French first (their order breaks nothing: a tie gives null). */
    private static final Map<String, Set<String>> STOP_WORDS = stopWords();

    private LanguageDetector() {}

    private static Map<String, Set<String>> stopWords() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("en", Language.EN_WORDS);
        m.put("fr", Language.FR_WORDS);
        for (LanguageProfile p : LanguageProfiles.all()) {
            m.put(p.code(), p.stopWords());
        }
        return m;
    }

    /** The language of {@code sample}: an ISO 639-1 code, "und" for an undetermined non-Latin script, or null. */
    public static String detect(String sample) {
        if (sample == null || sample.isEmpty()) {
            return null;
        }
        String s = sample.length() > SAMPLE ? sample.substring(0, SAMPLE) : sample;
        String script = script(s);
        if (script != null) {
            return script;
        }
        return byStopWords(Text.words(s));
    }

    /** The code of the dominant non-Latin script, or null when Latin letters are at least as many. */
    static String script(String s) {
        Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
        int latin = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            UnicodeScript sc = UnicodeScript.of(cp);
            if (sc == UnicodeScript.LATIN) {
                latin++;
            } else if (sc != UnicodeScript.COMMON && sc != UnicodeScript.INHERITED) {
                counts.merge(sc, 1, Integer::sum);
            }
        }
        UnicodeScript top = null;
        int n = 0;
        for (Map.Entry<UnicodeScript, Integer> e : counts.entrySet()) {
            if (e.getValue() > n) {
                top = e.getKey();
                n = e.getValue();
            }
        }
        if (top == null || n <= latin) {
            return null;
        }
        return SCRIPTS.getOrDefault(top, UNDETERMINED);
    }

    /** The language whose stop words are the most frequent (at least 3, strictly more than any other), or null. */
    static String byStopWords(List<String> words) {
        Map<String, Integer> hits = new LinkedHashMap<>();
        STOP_WORDS.keySet().forEach(k -> hits.put(k, 0));
        for (String w : words) {
            for (Map.Entry<String, Set<String>> e : STOP_WORDS.entrySet()) {
                if (e.getValue().contains(w)) {
                    hits.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        String best = null;
        int top = 0;
        boolean tie = false;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            if (e.getValue() > top) {
                best = e.getKey();
                top = e.getValue();
                tie = false;
            } else if (e.getValue() == top) {
                tie = true;
            }
        }
        return top >= 3 && !tie ? best : null;
    }

    /** A declared language tag reduced to its language: "en-GB" → "en", "PT_br" → "pt"; null when blank. */
    public static String normalise(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String c = declared.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = c.indexOf('-');
        return dash > 0 ? c.substring(0, dash) : c;
    }
}
