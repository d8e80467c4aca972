package org.sitrep.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw article body (plain text or HTML, possibly with aggregator junk) into clean paragraphs.
 *
 * <ul>
 *   <li>At most {@link #RAW_CAP} characters of raw input are looked at, and the cleaned text is cut at
 *       {@link #TEXT_CAP} characters: everything after is ignored.</li>
 *   <li>Script/style blocks and tags are removed (block tags become line breaks), common entities decoded,
 *       text normalised to NFC.</li>
 *   <li>Boilerplate lines ("Read also:", "Lire aussi", ads, share/subscribe prompts, copyright, photo credits) are
 *       dropped; a comment/disclaimer footer ("Post a Comment", "Leave a reply", "DISCLAIMER", "Previous Post")
 *       ends the article.</li>
 *   <li>A wire dateline ("BAMAKO (AFP) -", "NIAMEY, Dec 11 (Reuters) -", see {@link Dateline}) opening the first paragraph is removed: it names where the copy was
 *       filed, not where the event happened.</li>
 *   <li>Headings and captions (lines under 15 words that do not end a sentence) are dropped when the text has
 *       real paragraphs; a repeated headline would otherwise be read twice.</li>
 *   <li>Each remaining line is a paragraph; a line that does not end a sentence and is followed by a line starting
 *       in lower case is joined to it (hard-wrapped text).</li>
 * </ul>
 *
 * <p>{@link #mappedParagraphs} gives the same paragraphs with an offset map back to the raw body: every character
 * knows the stretch of raw text it came from (a decoded entity its entity, a folded run of white space the run), so a
 * sentence can be located in the body as published ({@link SentenceSpans}).
 */
public final class TextCleaner {

    /** Raw characters read from a body before cleaning. */
    public static final int RAW_CAP = 100_000;
    /** Characters of cleaned text that extraction scans. */
    public static final int TEXT_CAP = 20_000;

    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style|noscript)\\b[^>]{0,1000}>.{0,50000}?</\\1\\s*>");
    private static final Pattern BLOCK_TAG = Pattern.compile("(?i)</?(p|br|div|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|header|footer)\\b[^>]{0,1000}>");
    private static final Pattern TAG = Pattern.compile("<[/!]?[A-Za-z][^<>]{0,1000}>|<!--.{0,5000}?-->", Pattern.DOTALL);
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n?");
    /** White space or control characters, as {@link Character#isWhitespace} or {@link Character#isISOControl}. */
    private static final Pattern SPACE_RUN = Pattern.compile("[\\p{javaWhitespace}\\x00-\\x1F\\x7F-\\x9F]+");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("rsquo", "\u2019"), Map.entry("lsquo", "\u2018"),
            Map.entry("rdquo", "\u201d"), Map.entry("ldquo", "\u201c"), Map.entry("laquo", "\u00ab"),
            Map.entry("raquo", "\u00bb"), Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"),
            Map.entry("hellip", "\u2026"), Map.entry("eacute", "\u00e9"), Map.entry("egrave", "\u00e8"),
            Map.entry("agrave", "\u00e0"), Map.entry("ccedil", "\u00e7"), Map.entry("ecirc", "\u00ea"),
            Map.entry("ocirc", "\u00f4"), Map.entry("icirc", "\u00ee"), Map.entry("Eacute", "\u00c9"));

    /** Lines dropped wherever they appear (matched on folded, trimmed text). */
    private static final Pattern JUNK_LINE = Pattern.compile(
            "^(read (also|more)|also read|see also|related( articles?| stories| posts?)?\\s*:|recommended|more from|"
                    + "(a )?lire (aussi|egalement|ensuite)|voir aussi|sur le meme sujet|advertisement|advertising|publicite|"
                    + "sponsored|subscribe|abonnez|sign up|newsletter|follow us|suivez[- ]nous|share (this|on)|partager|"
                    + "click here|cliquez ici|tags?\\s*:|photo\\s*:|credit\\s*:|image\\s*:|\\(c\\)|copyright|"
                    + "all rights reserved|tous droits reserves|\u00a9|print this|download our app|telechargez).*");
    /** Dropped only when short (a menu or social-media line rather than prose). */
    private static final Pattern SHORT_JUNK_LINE = Pattern.compile(
            "^(share|partagez|loading|chargement|whatsapp|facebook|twitter|telegram|linkedin|email|e-mail|print|"
                    + "imprimer|home|accueil|menu|search|rechercher|login|connexion|cookies?|accept|accepter|"
                    + "ad|pub|ads)\\b.*");
    /** A line that starts the comment or disclaimer footer: it and everything after are dropped. */
    private static final Pattern FOOTER = Pattern.compile(
            "^(post a comment|leave a (comment|reply)|laisser un commentaire|laissez un commentaire|\\d+ comments?\\b|"
                    + "comments?\\s*(\\(\\d+\\))?\\s*:?$|commentaires?\\s*(\\(\\d+\\))?\\s*:?$|disclaimer|avertissement\\s*:|"
                    + "previous post|next post|article precedent|article suivant|about the author|a propos de l'auteur).*");

    /** A wire dateline opening the first paragraph: "BAMAKO -", "NIAMEY, Dec 11 (Reuters) -"; see {@link Dateline}. */
    private static final Pattern DATELINE = Dateline.PATTERN;

    public TextCleaner() {}

    /** Cleans a body into paragraphs; never null, never throws on odd input. */
    public List<String> paragraphs(String raw) {
        List<String> out = new ArrayList<>();
        for (MappedText p : mappedParagraphs(raw)) {
            out.add(p.toString());
        }
        return out;
    }

    /**
     * The paragraphs of {@link #paragraphs(String)}, each knowing where every character came from in {@code raw}
     * ({@link MappedText#sourceStart}, {@link MappedText#sourceEnd}: UTF-16 indexes into {@code raw}).
     */
    List<MappedText> mappedParagraphs(String raw) {
        List<MappedText> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        MappedText text = MappedText.of(raw.length() > RAW_CAP ? raw.substring(0, RAW_CAP) : raw);
        text = stripHtml(text);
        text = text.nfc();
        if (text.toString().indexOf('\r') >= 0) { // the regex scan costs more than the rest of cleaning a line
            text = text.replaceAll(LINE_BREAK, m -> "\n");
        }

        List<MappedText> lines = new ArrayList<>();
        int budget = TEXT_CAP;
        for (MappedText line : splitLines(text)) {
            MappedText mt = collapseSpaces(line).strip();
            String t = mt.toString();
            if (t.isEmpty()) {
                lines.add(mt);
                continue;
            }
            String f = Text.fold(t);
            if (FOOTER.matcher(f).matches()) {
                break;
            }
            if (JUNK_LINE.matcher(f).matches() || !hasLetters(t)
                    || (t.length() < 80 && SHORT_JUNK_LINE.matcher(f).matches())) {
                continue;
            }
            if (budget <= 0) {
                break;
            }
            if (mt.length() > budget) {
                mt = mt.substring(0, budget);
            }
            budget -= mt.length();
            lines.add(mt);
        }
        // join hard-wrapped lines
        MappedText.Builder current = null;
        MappedText last = null; // the line last added to current: current ends a sentence when it does
        for (MappedText line : lines) {
            if (line.isEmpty()) {
                if (current != null) {
                    out.add(current.build());
                    current = null;
                }
                continue;
            }
            if (current != null && !endsSentence(last) && Character.isLowerCase(line.charAt(0))) {
                current.appendJoin(' ', line).append(line);
            } else {
                if (current != null) {
                    out.add(current.build());
                }
                current = new MappedText.Builder(line.length()).append(line);
            }
            last = line;
        }
        if (current != null) {
            out.add(current.build());
        }
        // headings and captions: short lines without closing punctuation, dropped when the text has real paragraphs
        if (out.stream().anyMatch(p -> endsSentence(p) && p.length() > 40)) {
            out.removeIf(p -> !endsSentence(p) && p.toString().split(" ").length < 15);
        }
        if (!out.isEmpty()) {
            MappedText first = out.get(0);
            Matcher m = DATELINE.matcher(first);
            if (m.find()) {
                first = first.substring(m.end());
            }
            if (first.toString().isBlank()) {
                out.remove(0);
            } else {
                out.set(0, first);
            }
        }
        return out;
    }

    /** Cleans a single-line text such as a title (tags, entities, spaces). */
    public String line(String raw) {
        if (raw == null) {
            return "";
        }
        String t = raw.length() > 2_000 ? raw.substring(0, 2_000) : raw;
        t = Normalizer.normalize(stripHtml(t), Normalizer.Form.NFC);
        return collapseSpaces(t.replace('\n', ' ').replace('\r', ' ')).strip();
    }

    static String stripHtml(String text) {
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return text;
        }
        return stripHtml(MappedText.of(text)).toString();
    }

    private static MappedText stripHtml(MappedText text) {
        String s = text.toString();
        if (s.indexOf('<') < 0 && s.indexOf('&') < 0) {
            return text;
        }
        MappedText t = text.replaceAll(SCRIPT, m -> " ");
        t = t.replaceAll(BLOCK_TAG, m -> "\n");
        t = t.replaceAll(TAG, m -> "");
        return decodeEntities(t);
    }

    static String decodeEntities(String t) {
        if (t.indexOf('&') < 0) {
            return t;
        }
        return decodeEntities(MappedText.of(t)).toString();
    }

    private static MappedText decodeEntities(MappedText t) {
        if (t.toString().indexOf('&') < 0) {
            return t;
        }
        return t.replaceAll(ENTITY, m -> {
            String e = m.group(1);
            if (e.startsWith("#x") || e.startsWith("#X")) {
                return codePoint(Integer.parseInt(e.substring(2), 16), m.group());
            } else if (e.startsWith("#")) {
                return codePoint(Integer.parseInt(e.substring(1)), m.group());
            }
            return ENTITIES.getOrDefault(e, ENTITIES.getOrDefault(e.toLowerCase(Locale.ROOT), m.group()));
        });
    }

    /**
     * Whether a stretch of raw body reads as {@code sentence}: once its HTML is stripped, its entities decoded and it
     * is normalised (NFC), the two are equal but for white space. The check a sentence span passes before it is given.
     */
    static boolean readsAs(String raw, String sentence) {
        if (raw == null || sentence == null) {
            return false;
        }
        String readable = Normalizer.normalize(stripHtml(raw), Normalizer.Form.NFC);
        return withoutSpace(readable).equals(withoutSpace(sentence));
    }

    private static String withoutSpace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isISOControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The lines of a text split at {@code \n}, as {@code split("\n", -1)}. */
    private static List<MappedText> splitLines(MappedText text) {
        List<MappedText> out = new ArrayList<>();
        String s = text.toString();
        int start = 0;
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', start)) {
            out.add(text.substring(start, i));
            start = i + 1;
        }
        out.add(text.substring(start));
        return out;
    }

    private static String codePoint(int cp, String fallback) {
        if (cp <= 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return fallback;
        }
        return cp == 0xA0 ? " " : new String(Character.toChars(cp));
    }

    private static String collapseSpaces(String s) {
        return collapseSpaces(MappedText.of(s)).toString();
    }

    /** Each run of white space or control characters becomes one space standing for the run. */
    private static MappedText collapseSpaces(MappedText s) {
        return singleSpaced(s.toString()) ? s : s.replaceAll(SPACE_RUN, m -> " ");
    }

    /**
     * Whether every run {@link #SPACE_RUN} matches in the text is one plain space, which it would replace by itself:
     * the common line, looked at without the pattern.
     */
    private static boolean singleSpaced(String s) {
        boolean previousSpace = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < 0x7F) { // printable ASCII: the common case, never white space
                previousSpace = false;
            } else if (c == ' ') {
                if (previousSpace) {
                    return false;
                }
                previousSpace = true;
            } else if (c <= 0x1F || (c >= 0x7F && c <= 0x9F) || Character.isWhitespace(c)) {
                return false;
            } else {
                previousSpace = false;
            }
        }
        return true;
    }

    private static boolean hasLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsSentence(CharSequence s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '"' || c == '\u201d' || c == '\u00bb' || c == ')' || c == '\'' || c == ' ') {
                continue;
            }
            return c == '.' || c == '!' || c == '?' || c == ':' || c == '\u2026';
        }
        return true;
    }
}
