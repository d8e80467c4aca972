package org.sitrep.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sitrep.extract.Text.Token;

/**
 * One article's texts (title, sentences, paragraphs) as the extraction components read them: each distinct text
 * folded ({@link Text#fold}), tokenised ({@link Text#tokenize}) and looked at by each component (actors, places,
 * event words, dates...) once, however many components, passes and reports of the article ask for it. The
 * components' results are memoised here under a {@link Key} of their own; they must be pure functions of the text
 * (and of what the key holds), so that reading from here gives exactly what computing again would.
 *
 * <p>One per article, dropped with it; not thread-safe. The components' methods that take a plain string use a
 * fresh one ({@link #single()}): same result, nothing shared.
 */
final class ArticleText {

    /**
     * What a memoised result is the value of, besides the text: a component's function, with whatever else it
     * depends on (an instance, the publication date) in {@code parts}. Keys are equal when their parts are.
     */
    static final class Key {
        private final Object[] parts;
        private final int hash;

        Key(Object... parts) {
            this.parts = parts.clone();
            this.hash = java.util.Arrays.hashCode(this.parts);
        }

        @Override
        public boolean equals(Object o) {
            return o == this || (o instanceof Key k && hash == k.hash && java.util.Arrays.equals(parts, k.parts));
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return java.util.Arrays.toString(parts);
        }
    }

    private static final Key FOLDED = new Key("fold");
    private static final Key TOKENS = new Key("tokens");
    private static final Key WORDS = new Key("words");

    /** Per distinct text: its results by key. */
    private final Map<String, Map<Key, Object>> byText = new HashMap<>();

    /** An empty one, for one call that shares nothing. */
    static ArticleText single() {
        return new ArticleText();
    }

    /** The value of {@code compute} for the text, computed the first time it is asked for under this key. */
    @SuppressWarnings("unchecked")
    <T> T get(String text, Key key, Function<String, T> compute) {
        if (text == null) {
            return compute.apply(null); // each component says what null gives
        }
        Map<Key, Object> results = byText.computeIfAbsent(text, k -> new HashMap<>(8));
        Object v = results.get(key);
        if (v == null && !results.containsKey(key)) {
            v = compute.apply(text);
            results.put(key, v);
        }
        return (T) v;
    }

    /** {@link Text#fold} of the text. */
    String folded(String text) {
        return get(text, FOLDED, Text::fold);
    }

    private static final Key PROBE = new Key("probe");

    /** The text as the guards of many patterns look at it ({@link GuardedPattern.Probe}), shared by the article. */
    GuardedPattern.Probe probe(String text) {
        return get(text, PROBE, t -> new GuardedPattern.Probe(t, true));
    }

    /** {@link Text#tokenize} of the text; the list is shared: do not change it. */
    List<Token> tokens(String text) {
        return get(text, TOKENS, t -> List.copyOf(Text.tokenize(t)));
    }

    /** {@link Text#words} of the text; the list is shared: do not change it. */
    List<String> words(String text) {
        return get(text, WORDS, t -> {
            List<String> out = new java.util.ArrayList<>();
            for (Token tok : tokens(t)) {
                if (tok.isWord()) {
                    out.add(tok.text());
                }
            }
            return List.copyOf(out);
        });
    }
}
