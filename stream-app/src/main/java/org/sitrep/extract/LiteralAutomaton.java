package org.sitrep.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed set of strings found all at once in a text, in one pass over it (Aho-Corasick): {@link #find} gives the
 * set of the strings the text contains, as bits by string number. Built once, then read-only (safe to share between
 * threads).
 */
final class LiteralAutomaton {

    private final String[] strings;
    private final Map<String, Integer> numbers = new HashMap<>();
    /** Per state: the characters it goes on with, in order, and the states they lead to. */
    private final char[][] edgeChars;
    private final int[][] edgeStates;
    /** The root's transitions for ASCII characters (-1: none), the common case made direct. */
    private final int[] rootAscii = new int[128];
    /** Per state: the longest proper suffix state, and the strings ending there (its own and its suffixes'). */
    private final int[] fail;
    private final int[][] out;
    /**
     * The state after each state on each ASCII character, suffix links followed ({@code state * width + class of
     * c}), so that ASCII text takes one look-up per character; null with more states than a char numbers. ASCII
     * characters no string holds share class 0 (they lead back to the root).
     */
    private final char[] ascii;
    private final byte[] classOf = new byte[128];
    private final int width;

    LiteralAutomaton(List<String> strings) {
        this.strings = strings.stream().distinct().toArray(String[]::new);
        for (int i = 0; i < this.strings.length; i++) {
            if (this.strings[i].isEmpty()) {
                throw new IllegalArgumentException("empty string");
            }
            numbers.put(this.strings[i], i);
        }
        // the trie
        List<Map<Character, Integer>> next = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        next.add(new HashMap<>());
        ends.add(new ArrayList<>());
        for (int i = 0; i < this.strings.length; i++) {
            int state = 0;
            for (char c : this.strings[i].toCharArray()) {
                Integer to = next.get(state).get(c);
                if (to == null) {
                    to = next.size();
                    next.get(state).put(c, to);
                    next.add(new HashMap<>());
                    ends.add(new ArrayList<>());
                }
                state = to;
            }
            ends.get(state).add(i);
        }
        int n = next.size();
        edgeChars = new char[n][];
        edgeStates = new int[n][];
        for (int s = 0; s < n; s++) {
            Character[] cs = next.get(s).keySet().toArray(new Character[0]);
            Arrays.sort(cs);
            edgeChars[s] = new char[cs.length];
            edgeStates[s] = new int[cs.length];
            for (int k = 0; k < cs.length; k++) {
                edgeChars[s][k] = cs[k];
                edgeStates[s][k] = next.get(s).get(cs[k]);
            }
        }
        Arrays.fill(rootAscii, -1);
        for (int k = 0; k < edgeChars[0].length; k++) {
            if (edgeChars[0][k] < 128) {
                rootAscii[edgeChars[0][k]] = edgeStates[0][k];
            }
        }
        // suffix links, breadth first, and the strings ending at each state
        fail = new int[n];
        out = new int[n][];
        out[0] = new int[0];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : edgeStates[0]) {
            fail[child] = 0;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            List<Integer> here = new ArrayList<>(ends.get(s));
            for (int k : out[fail[s]]) {
                here.add(k);
            }
            out[s] = here.stream().mapToInt(Integer::intValue).toArray();
            for (int k = 0; k < edgeChars[s].length; k++) {
                char c = edgeChars[s][k];
                int child = edgeStates[s][k];
                int f = fail[s];
                int to = step(f, c);
                while (to < 0 && f != 0) {
                    f = fail[f];
                    to = step(f, c);
                }
                fail[child] = to < 0 || to == child ? 0 : to;
                queue.add(child);
            }
        }
        int classes = 1;
        char[] representative = new char[128];
        for (String str : this.strings) {
            for (char c : str.toCharArray()) {
                if (c < 128 && classOf[c] == 0) {
                    representative[classes] = c;
                    classOf[c] = (byte) classes++;
                }
            }
        }
        width = classes;
        ascii = n <= Character.MAX_VALUE && classes < 128 ? asciiTable(n, representative) : null;
    }

    /** {@link #ascii}, filled in breadth-first order so that each state's suffix state is done before it. */
    private char[] asciiTable(int n, char[] representative) {
        char[] table = new char[n * width];
        for (int k = 1; k < width; k++) {
            table[k] = (char) Math.max(0, rootAscii[representative[k]]);
        }
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : edgeStates[0]) {
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int k = 1; k < width; k++) {
                int to = step(s, representative[k]);
                table[s * width + k] = to >= 0 ? (char) to : table[fail[s] * width + k];
            }
            for (int child : edgeStates[s]) {
                queue.add(child);
            }
        }
        return table;
    }

    /** The number of a string, or -1 when it is not one of the automaton's. */
    int number(String s) {
        Integer i = numbers.get(s);
        return i == null ? -1 : i;
    }

    int size() {
        return strings.length;
    }

    String string(int number) {
        return strings[number];
    }

    /** The strings the text contains, as bits by string number. */
    long[] find(CharSequence text) {
        long[] found = new long[(strings.length + 63) / 64];
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && ascii != null) {
                state = ascii[state * width + classOf[c]];
            } else {
                int to = step(state, c);
                while (to < 0 && state != 0) {
                    state = fail[state];
                    to = step(state, c);
                }
                state = to < 0 ? 0 : to;
            }
            for (int k : out[state]) {
                found[k >>> 6] |= 1L << (k & 63);
            }
        }
        return found;
    }

    /** The state reached from {@code state} on {@code c}, or -1. */
    private int step(int state, char c) {
        if (state == 0 && c < 128) {
            return rootAscii[c];
        }
        char[] cs = edgeChars[state];
        if (cs.length <= 8) {
            for (int k = 0; k < cs.length; k++) {
                if (cs[k] == c) {
                    return edgeStates[state][k];
                }
            }
            return -1;
        }
        int k = Arrays.binarySearch(cs, c);
        return k >= 0 ? edgeStates[state][k] : -1;
    }
}
