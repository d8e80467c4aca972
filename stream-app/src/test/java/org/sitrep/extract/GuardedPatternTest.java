package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitrep.bench.ArticleGenerator;
import org.sitrep.ingest.JsonArticleParser;
import org.sitrep.schema.Article;

class GuardedPatternTest {

    /** Classes of the package that hold guarded patterns (static fields, or lists of them). */
    private static final List<Class<?>> HOLDERS = List.of(ClaimantResolver.class, DateResolver.class,
            BackgroundFilter.class, Retrospect.class, PlaceSalience.class, ClaimExtractor.class, ClaimParties.class,
            CasualtyLexicon.class, Gazetteer.class, EventTypeClassifier.class);

    /**
     * Guards and leads change nothing: over every sentence and title of the sample feed, the development set and 50
     * generated articles, folded and as written, every guarded pattern of the package (and the claimant templates)
     * scans the same matches (start, end, groups) as a plain {@link java.util.regex.Matcher} loop, whether the text
     * is probed alone or read with the shared automaton, and a text it finds something in is one its guard lets
     * through.
     */
    @Test
    void guardedScansFindWhatMatchersFindOnTheFeeds() throws Exception {
        Map<String, GuardedPattern> patterns = new LinkedHashMap<>();
        for (Class<?> c : HOLDERS) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    collect(c.getSimpleName() + "." + f.getName(), f.get(null), patterns);
                }
            }
        }
        ClaimantResolver resolver = new ClaimantResolver(new ActorDictionary());
        for (Field f : ClaimantResolver.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                collect("ClaimantResolver." + f.getName(), f.get(resolver), patterns);
            }
        }
        assertThat(patterns).hasSizeGreaterThan(20);
        List<String> texts = texts();
        assertThat(texts).hasSizeGreaterThan(2_500);
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, GuardedPattern> p : patterns.entrySet()) {
            for (String t : texts) {
                List<String> plain = new ArrayList<>();
                var m = p.getValue().pattern().matcher(t);
                while (m.find()) {
                    plain.add(m.start() + "-" + m.end() + ":" + groups(m.groupCount(), m::group));
                }
                // a text probed alone, and one read with the automaton of all shared literal sets
                for (GuardedPattern.Probe probe : List.of(new GuardedPattern.Probe(t), new GuardedPattern.Probe(t, true))) {
                    List<String> scanned = new ArrayList<>();
                    GuardedPattern.Scan s = p.getValue().scan(probe);
                    while (s.find()) {
                        scanned.add(s.start() + "-" + s.end() + ":" + groups(m.groupCount(), s::group));
                    }
                    if (!plain.equals(scanned) || (!plain.isEmpty() && !p.getValue().mayMatch(t))) {
                        differences.add(p.getKey() + " in: " + t + " " + plain + " vs " + scanned);
                    }
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    private static String groups(int count, java.util.function.IntFunction<String> group) {
        StringBuilder b = new StringBuilder();
        for (int g = 1; g <= count; g++) {
            b.append(group.apply(g)).append('|');
        }
        return b.toString();
    }

    private static void collect(String name, Object value, Map<String, GuardedPattern> into) throws Exception {
        if (value instanceof GuardedPattern g) {
            into.put(name, g);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(name + "[" + i + "]", list.get(i), into);
            }
        } else if (value instanceof Record r) {
            // EventTypeClassifier's rules hold their guarded pattern
            for (var c : r.getClass().getRecordComponents()) {
                if (c.getType() == GuardedPattern.class) {
                    c.getAccessor().setAccessible(true);
                    collect(name + "." + c.getName(), c.getAccessor().invoke(r), into);
                }
            }
        }
    }

    private static List<String> texts() throws IOException {
        List<Article> articles = new ArrayList<>();
        JsonArticleParser parser = new JsonArticleParser();
        for (String feed : List.of("../data/sample-feed.jsonl", "../data/devset/devset.jsonl")) {
            for (String line : Files.readAllLines(Path.of(feed), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    articles.add(parser.parse(line));
                }
            }
        }
        articles.addAll(new ArticleGenerator(42).articles(50));
        TextCleaner cleaner = new TextCleaner();
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> out = new ArrayList<>();
        for (Article a : articles) {
            List<String> paragraphs = new ArrayList<>();
            cleaner.mappedParagraphs(a.getBody()).forEach(p -> paragraphs.add(p.toString()));
            List<String> raw = new ArrayList<>();
            raw.add(a.getTitle() == null ? "" : a.getTitle());
            splitter.split(paragraphs).forEach(s -> raw.add(s.text()));
            for (String t : raw) {
                out.add(t);
                out.add(Text.fold(t));
            }
        }
        return out;
    }

    private static List<Set<String>> required(String regex) {
        return GuardedPattern.compile(regex).required();
    }

    @Test
    void aWordListRequiresOneOfItsWords() {
        assertThat(required("\\b(monday|tuesday|mardi)\\b")).containsExactly(Set.of("monday", "tuesday", "mardi"));
    }

    @Test
    void optionalPartsAreNotRequired() {
        assertThat(required("embuscades?")).containsExactly(Set.of("embuscade"));
        assertThat(required("(?:the )?army")).containsExactly(Set.of("army"));
        assertThat(required("kill\\w*")).containsExactly(Set.of("kill"));
        assertThat(required("ab{0,3}c")).containsExactlyInAnyOrder(Set.of("a"), Set.of("c"));
    }

    @Test
    void aRepeatedCharacterEndsTheRun() {
        // "abbbc" contains "ab" and "c", not "abc"
        assertThat(required("ab+c")).containsExactlyInAnyOrder(Set.of("ab"), Set.of("c"));
    }

    @Test
    void aBranchThatRequiresNothingMakesTheAlternationRequireNothing() {
        assertThat(required("army|\\w+ troops|[0-9]+")).isEmpty();
        assertThat(required("x(?:army|\\d+)y")).containsExactlyInAnyOrder(Set.of("x"), Set.of("y"));
    }

    @Test
    void eachBranchGivesItsMostSelectiveLiteral() {
        assertThat(required("(?:a|ont) donne|spokes(?:man|woman)|dit")).containsExactly(Set.of(" donne", "spokes", "dit"));
    }

    @Test
    void theMostSelectiveSetsAreKept() {
        assertThat(required("(?:,|\")\\s*(?:said|told)\\s+(?:the )?(?:army|ministry)"))
                .containsExactlyInAnyOrder(Set.of("army", "ministry"), Set.of("said", "told"));
    }

    @Test
    void lookaroundsClassesAndEscapesRequireNothing() {
        assertThat(required("(?<!fled )\\bfrom(?=\\s)")).containsExactly(Set.of("from"));
        assertThat(required("[^abc]\\w\\s.")).isEmpty();
        assertThat(required("[abc]\\w")).containsExactly(Set.of("a", "b", "c")); // a class written as a list
        assertThat(required("[a-c]\\w")).isEmpty();
        assertThat(required("a\\x41b")).isEmpty(); // an escape the reader does not know: no guard
        assertThat(required("\\(\\w+\\)")).containsExactlyInAnyOrder(Set.of("("), Set.of(")"));
        assertThat(required("\\Qal-qaeda\\E|\\Qjnim\\E")).containsExactly(Set.of("al-qaeda", "jnim"));
    }

    @Test
    void aDigitClassRequiresADigit() {
        Set<String> digits = Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(required("\\b(\\d{1,2})\\s+(?:june|july)")).containsExactly(Set.of("june", "july"), digits);
        assertThat(GuardedPattern.compile("(?s).*\\d.*").mayMatch("no figure here")).isFalse();
        assertThat(GuardedPattern.compile("(?s).*\\d.*").mayMatch("page 2")).isTrue();
    }

    @Test
    void unknownSyntaxGetsNoGuard() {
        assertThat(required("(?i)army")).isEmpty();
        assertThat(required("(?x)a rmy")).isEmpty();
        assertThat(required("(?s).*\\barmy\\b.*")).containsExactly(Set.of("army"));
        assertThat(required("(?s:a.b)")).containsExactlyInAnyOrder(Set.of("a"), Set.of("b"));
        assertThat(required("(a)\\1")).isEmpty();
        assertThat(GuardedPattern.compile("(?i)army").mayMatch("nothing here")).isTrue();
    }

    private static Set<String> lead(String regex) {
        return GuardedPattern.compile(regex).lead();
    }

    @Test
    void leadsAreTheStringsEveryMatchStartsWith() {
        assertThat(lead("\\b(monday|tuesday)\\b")).containsExactlyInAnyOrder("monday", "tuesday");
        assertThat(lead("(?<!the )\\bfrom(?:\\s+the)?")).containsExactly("from");
        assertThat(lead("(?:the |le )?(?:armed )?(?:group|groupe)")).containsExactlyInAnyOrder("the ", "le ", "armed ",
                "group", "groupe");
        assertThat(lead("embuscades?")).containsExactly("embuscade");
        assertThat(lead("\\b(\\d{1,2}) mai")).hasSize(10);
        assertThat(lead("[Pp]r[\u00e9e]sident")).containsExactlyInAnyOrder("Pr\u00e9sident", "President",
                "pr\u00e9sident", "president");
        assertThat(lead("[a-z]x")).isNull();
        assertThat(lead("(?:\\w+ )?army")).containsExactly("army");
        assertThat(GuardedPattern.compile("(?:\\w+ )?army").wordBefore()).isTrue();
        assertThat(GuardedPattern.compile("army").wordBefore()).isFalse();
        assertThat(lead("(?:\\w+ \\w+ )?army")).isNull();
        assertThat(lead("(?:said|x?)y")).isNull();
        assertThat(lead("\\s*,")).isNull();
    }

    @Test
    void aScanTriesOnlyWhereALeadStartsAndFindsWhatAMatcherFinds() {
        GuardedPattern p = GuardedPattern.compile("\\b(?:mon|tues)day\\b");
        String text = "on monday, not on mondays, nor on tuesday";
        GuardedPattern.Scan s = p.scan(text);
        var m = p.pattern().matcher(text);
        while (m.find()) {
            assertThat(s.find()).isTrue();
            assertThat(s.start()).isEqualTo(m.start());
            assertThat(s.end()).isEqualTo(m.end());
        }
        assertThat(s.find()).isFalse();
        // a match may start one word before a lead: "xarmy army" starts before the first "army" it holds
        GuardedPattern word = GuardedPattern.compile("\\b(?:\\w+ )?army");
        GuardedPattern.Scan w = word.scan("the xarmy army and one army");
        assertThat(w.find()).isTrue();
        assertThat(w.group()).isEqualTo("xarmy army");
        assertThat(w.find()).isTrue();
        assertThat(w.group()).isEqualTo("one army");
        assertThat(w.find()).isFalse();
        // a lookbehind sees the characters before the position tried
        assertThat(GuardedPattern.compile("(?<!fled )\\bfrom").find("they fled from X")).isFalse();
        assertThat(GuardedPattern.compile("(?<!fled )\\bfrom").find("came from X")).isTrue();
    }

    @Test
    void aTextWithoutTheLiteralsFindsNothingAndOneWithThemIsSearched() {
        GuardedPattern p = GuardedPattern.compile("\\b(?:army|ministry) said\\b");
        assertThat(p.mayMatch("the police said")).isFalse();
        assertThat(p.matcher("the police said").find()).isFalse();
        assertThat(p.mayMatch("the army spokesman said")).isTrue();
        assertThat(p.matcher("the army spokesman said").find()).isFalse();
        var m = p.matcher("then the ministry said so");
        assertThat(m.find()).isTrue();
        assertThat(m.group()).isEqualTo("ministry said");
    }

    @Test
    void literalsAreFoundAnywhereIncludingAtTheEnd() {
        GuardedPattern.Literals l = new GuardedPattern.Literals(Set.of("ab", "b", "\u00e9t\u00e9"));
        assertThat(l.in("x\u00e9t\u00e9")).isTrue();
        assertThat(l.in("xxab")).isTrue();
        assertThat(l.in("b")).isTrue();
        assertThat(l.in("ont \u00e9t\u00e9")).isTrue();
        assertThat(l.in("xa")).isFalse();
        assertThat(l.in("")).isFalse();
    }
}
