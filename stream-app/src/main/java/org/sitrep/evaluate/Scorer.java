package org.sitrep.evaluate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares what the pipeline made of a feed with an analyst's labels. Pure: no I/O, same input, same result.
 *
 * <p>The rules, also in {@code docs/EVALUATION.md}:
 * <ul>
 *   <li>Only labelled originals count for extraction (a labelled copy's claims are its original's). In each such
 *       article the predicted reports are <em>aligned</em> one-to-one to the labelled ones, greedily by agreement
 *       (2 per matching killed claim, 1 for the country, 1 for the date within a day, ½ for the event type), so a
 *       claim is judged within its incident.</li>
 *   <li>A claim matches when party and killed count are equal, one-to-one, within an aligned pair; claims without a
 *       killed figure are left out here (injured figures are scored the same way on their own line). Claimant kind
 *       and qualifier accuracy are over matched claims.</li>
 *   <li>Country, admin1 (accent- and case-insensitive, or one of the alternatives) and event date (within one day of
 *       the labelled day or range) and event type are judged over aligned reports; reports P/R/F1 says how many were aligned.</li>
 *   <li>Grouping: articles (copies with their original's incidents) linked by a shared incident, pairwise and
 *       extended B-cubed. Copies: articles linked by a chain of copy_of, over articles in a copy group on either
 *       side.</li>
 * </ul>
 */
public final class Scorer {
    private Scorer() {
    }

    /** The extraction figures over a set of articles. */
    public record Slice(int articles, Prf claims, Prf injuredClaims, Prf reports, Accuracy claimantKind,
                        Accuracy qualifier, Accuracy country, Accuracy admin1, Accuracy date, Accuracy eventType) {
    }

    /** Everything {@code evaluate} prints; {@code mistakes} are per-article notes for whoever improves the rules. */
    public record Result(Slice overall, Map<String, Slice> byLanguage, Prf groupingPairwise, Prf groupingBcubed,
                         Prf copiesPairwise, Prf copiesBcubed, int labelledIncidents, int predictedIncidents,
                         List<String> unpredicted, List<String> unlabelled, List<String> mistakes) {
    }

    public static Result score(Labels labels, Predictions predictions, Map<String, String> inputLanguages) {
        Map<String, Tally> byLanguage = new TreeMap<>();
        Tally overall = new Tally();
        List<String> mistakes = new ArrayList<>();
        List<String> unpredicted = new ArrayList<>();
        for (Labels.Article gold : labels.articles().values()) {
            Predictions.Article predicted = predictions.articles().get(gold.id());
            if (predicted == null) {
                unpredicted.add(gold.id());
            }
            if (gold.copyOf() != null) {
                continue;
            }
            String language = language(gold.language() != null ? gold.language() : inputLanguages.get(gold.id()));
            Tally lang = byLanguage.computeIfAbsent(language, l -> new Tally());
            List<Predictions.Report> reports = predicted == null || !"unique".equals(predicted.status())
                ? List.of() : predicted.reports();
            if (predicted != null && !"unique".equals(predicted.status()) && !gold.reports().isEmpty()) {
                mistakes.add(gold.id() + ": " + predicted.status()
                    + (predicted.copyOf() != null ? " of " + predicted.copyOf() : "") + ", so its reports were not read");
            }
            ArticleScore s = scoreArticle(gold, reports, mistakes);
            overall.add(s);
            lang.add(s);
        }
        List<String> unlabelled = new ArrayList<>();
        predictions.articles().keySet().forEach(id -> {
            if (!labels.articles().containsKey(id)) {
                unlabelled.add(id);
            }
        });

        Map<String, Set<String>> trueIncidents = new HashMap<>();
        Map<String, Set<String>> predictedIncidents = new HashMap<>();
        Set<String> labelledIncidentIds = new TreeSet<>();
        Set<String> predictedIncidentIds = new TreeSet<>();
        for (String id : labels.articles().keySet()) {
            Set<String> t = new TreeSet<>();
            labels.effectiveReports(id).forEach(r -> t.add(r.incident()));
            trueIncidents.put(id, t);
            labelledIncidentIds.addAll(t);
            Predictions.Article p = predictions.articles().get(id);
            Set<String> ps = p == null ? Set.of() : p.incidentIds();
            predictedIncidents.put(id, ps);
            predictedIncidentIds.addAll(ps);
        }

        Map<String, Set<String>> trueCopies = copyGroups(labels.articles().keySet(), labels::original);
        Map<String, Set<String>> predictedCopies = copyGroups(labels.articles().keySet(), id -> predictedOriginal(predictions, id));

        Map<String, Slice> slices = new LinkedHashMap<>();
        byLanguage.forEach((l, t) -> slices.put(l, t.slice()));
        return new Result(overall.slice(), slices,
            Clustering.pairwise(trueIncidents, predictedIncidents), Clustering.bcubed(trueIncidents, predictedIncidents),
            Clustering.pairwise(trueCopies, predictedCopies), Clustering.bcubed(trueCopies, predictedCopies),
            labelledIncidentIds.size(), predictedIncidentIds.size(), unpredicted, unlabelled, mistakes);
    }

    /** Per-article counts, added up per slice. */
    record ArticleScore(long claimTp, long claimFp, long claimFn, long injuredTp, long injuredFp, long injuredFn,
                        long reportTp, long reportFp, long reportFn, Accuracy kind, Accuracy qualifier,
                        Accuracy country, Accuracy admin1, Accuracy date, Accuracy eventType) {
    }

    static ArticleScore scoreArticle(Labels.Article gold, List<Predictions.Report> predicted, List<String> mistakes) {
        List<int[]> pairs = align(gold.reports(), predicted);
        long[] killed = new long[3];
        long[] injured = new long[3];
        Accuracy[] acc = {Accuracy.NONE, Accuracy.NONE, Accuracy.NONE, Accuracy.NONE, Accuracy.NONE, Accuracy.NONE};
        boolean[] goldUsed = new boolean[gold.reports().size()];
        boolean[] predUsed = new boolean[predicted.size()];
        for (int[] pair : pairs) {
            Labels.Report g = gold.reports().get(pair[0]);
            Predictions.Report p = predicted.get(pair[1]);
            goldUsed[pair[0]] = true;
            predUsed[pair[1]] = true;
            String where = gold.id() + " [" + g.incident() + "]";
            matchClaims(where, "killed", g.claims(), p.claims(), Labels.Claim::killed, Predictions.Claim::killed, killed, acc, mistakes);
            matchClaims(where, "injured", g.claims(), p.claims(), Labels.Claim::injured, Predictions.Claim::injured, injured, null, mistakes);
            if (g.country() != null) {
                boolean ok = g.country().equalsIgnoreCase(String.valueOf(p.country()));
                acc[2] = acc[2].plus(ok);
                note(ok, mistakes, where + ": country " + p.country() + ", labelled " + g.country());
            }
            if (g.admin1() != null) {
                boolean ok = sameAdmin1(g, p.admin1());
                acc[3] = acc[3].plus(ok);
                note(ok, mistakes, where + ": admin1 " + p.admin1() + ", labelled " + g.admin1());
            }
            if (g.eventType() != null) {
                boolean ok = g.eventType().equals(p.eventType());
                acc[5] = acc[5].plus(ok);
                note(ok, mistakes, where + ": event type " + p.eventType() + ", labelled " + g.eventType());
            }
            boolean dateOk = p.date() != null && !p.date().isBefore(g.date().minusDays(1)) && !p.date().isAfter(g.dateEnd().plusDays(1));
            acc[4] = acc[4].plus(dateOk);
            note(dateOk, mistakes, where + ": event date " + p.date() + ", labelled " + g.date()
                + (g.dateEnd().equals(g.date()) ? "" : " to " + g.dateEnd()));
        }
        for (int i = 0; i < goldUsed.length; i++) {
            if (!goldUsed[i]) {
                Labels.Report g = gold.reports().get(i);
                killed[2] += g.claims().stream().filter(c -> c.killed() != null).count();
                injured[2] += g.claims().stream().filter(c -> c.injured() != null).count();
                mistakes.add(gold.id() + " [" + g.incident() + "]: report missed");
            }
        }
        for (int i = 0; i < predUsed.length; i++) {
            if (!predUsed[i]) {
                Predictions.Report p = predicted.get(i);
                killed[1] += p.claims().stream().filter(c -> c.killed() != null).count();
                injured[1] += p.claims().stream().filter(c -> c.injured() != null).count();
                mistakes.add(gold.id() + ": spurious report (" + p.eventType() + ", " + p.country() + ", " + p.date()
                    + ", " + p.claims().size() + " claims)");
            }
        }
        return new ArticleScore(killed[0], killed[1], killed[2], injured[0], injured[1], injured[2],
            pairs.size(), predicted.size() - pairs.size(), gold.reports().size() - pairs.size(),
            acc[0], acc[1], acc[2], acc[3], acc[4], acc[5]);
    }

    /**
     * Matches one figure (killed or injured) one-to-one by party and count: first pairs that also agree on claimant
     * kind, then the rest, so a right figure with a wrong kind still counts as found. Counts go to {@code tally}
     * (tp, fp, fn); kind and qualifier agreement to {@code acc[0]} and {@code acc[1]} when {@code acc} is given.
     */
    private static void matchClaims(String where, String figure, List<Labels.Claim> gold, List<Predictions.Claim> predicted,
                                    Function<Labels.Claim, Integer> goldCount, Function<Predictions.Claim, Integer> predCount,
                                    long[] tally, Accuracy[] acc, List<String> mistakes) {
        List<Labels.Claim> g = gold.stream().filter(c -> goldCount.apply(c) != null).toList();
        List<Predictions.Claim> p = predicted.stream().filter(c -> predCount.apply(c) != null).toList();
        boolean[] gUsed = new boolean[g.size()];
        boolean[] pUsed = new boolean[p.size()];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < g.size(); i++) {
                for (int j = 0; j < p.size() && !gUsed[i]; j++) {
                    Labels.Claim a = g.get(i);
                    Predictions.Claim b = p.get(j);
                    if (pUsed[j] || !a.party().equals(b.party()) || !goldCount.apply(a).equals(predCount.apply(b))) {
                        continue;
                    }
                    if (pass == 0 && a.claimantKind() != null && !a.claimantKind().equals(b.claimantKind())) {
                        continue;
                    }
                    gUsed[i] = true;
                    pUsed[j] = true;
                    tally[0]++;
                    if (acc != null) {
                        if (a.claimantKind() != null) {
                            boolean ok = a.claimantKind().equals(b.claimantKind());
                            acc[0] = acc[0].plus(ok);
                            note(ok, mistakes, where + ": " + a.party() + " " + figure + " " + goldCount.apply(a)
                                + " claimant_kind " + b.claimantKind() + ", labelled " + a.claimantKind());
                        }
                        if (a.qualifier() != null) {
                            acc[1] = acc[1].plus(a.qualifier().equals(b.qualifier()));
                        }
                    }
                }
            }
        }
        for (int i = 0; i < g.size(); i++) {
            if (!gUsed[i]) {
                tally[2]++;
                mistakes.add(where + ": missed " + figure + " " + g.get(i).party() + " " + goldCount.apply(g.get(i))
                    + " (" + g.get(i).claimant() + ")");
            }
        }
        for (int j = 0; j < p.size(); j++) {
            if (!pUsed[j]) {
                tally[1]++;
                mistakes.add(where + ": spurious " + figure + " " + p.get(j).party() + " " + predCount.apply(p.get(j))
                    + " (" + p.get(j).claimantKind() + ")");
            }
        }
    }

    /** Greedy one-to-one alignment of labelled to predicted reports, best agreement first; ties by position. */
    static List<int[]> align(List<Labels.Report> gold, List<Predictions.Report> predicted) {
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            for (int j = 0; j < predicted.size(); j++) {
                candidates.add(new double[] {agreement(gold.get(i), predicted.get(j)), i, j});
            }
        }
        candidates.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0])
            : a[1] != b[1] ? Double.compare(a[1], b[1]) : Double.compare(a[2], b[2]));
        boolean[] g = new boolean[gold.size()];
        boolean[] p = new boolean[predicted.size()];
        List<int[]> pairs = new ArrayList<>();
        for (double[] c : candidates) {
            int i = (int) c[1];
            int j = (int) c[2];
            if (!g[i] && !p[j]) {
                g[i] = true;
                p[j] = true;
                pairs.add(new int[] {i, j});
            }
        }
        return pairs;
    }

    private static double agreement(Labels.Report g, Predictions.Report p) {
        double score = 0;
        for (Labels.Claim c : g.claims()) {
            if (c.killed() != null && p.claims().stream().anyMatch(pc -> c.party().equals(pc.party()) && c.killed().equals(pc.killed()))) {
                score += 2;
            }
        }
        if (g.country() != null && g.country().equalsIgnoreCase(String.valueOf(p.country()))) {
            score += 1;
        }
        if (p.date() != null && !p.date().isBefore(g.date().minusDays(1)) && !p.date().isAfter(g.dateEnd().plusDays(1))) {
            score += 1;
        }
        if (g.eventType() != null && g.eventType().equals(p.eventType())) {
            score += 0.5;
        }
        return score;
    }

    static boolean sameAdmin1(Labels.Report g, String predicted) {
        if (predicted == null) {
            return false;
        }
        String p = fold(predicted);
        if (fold(g.admin1()).equals(p)) {
            return true;
        }
        return g.admin1Alternatives().stream().anyMatch(a -> fold(a).equals(p));
    }

    /** Case, accents, hyphens and spaces folded: "Tillabéri" = "tillaberi", "Centre-Nord" = "Centre Nord". */
    static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return d.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /** Primary language subtag, lower case; "und" when unknown. */
    static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return "und";
        }
        String t = tag.strip().toLowerCase(Locale.ROOT);
        int dash = t.indexOf('-');
        return dash > 0 ? t.substring(0, dash) : t;
    }

    /** Articles in a copy group of two or more, each mapped to its group (the group's original). */
    private static Map<String, Set<String>> copyGroups(Set<String> ids, Function<String, String> original) {
        Map<String, List<String>> groups = new HashMap<>();
        for (String id : ids) {
            groups.computeIfAbsent(original.apply(id), k -> new ArrayList<>()).add(id);
        }
        Map<String, Set<String>> out = new HashMap<>();
        groups.forEach((root, members) -> {
            Set<String> label = members.size() > 1 ? Set.of(root) : Set.of();
            members.forEach(m -> out.put(m, label));
        });
        return out;
    }

    private static String predictedOriginal(Predictions predictions, String id) {
        String current = id;
        for (int hops = 0; hops < 64; hops++) {
            Predictions.Article a = predictions.articles().get(current);
            if (a == null || !a.isCopy() || a.copyOf() == null) {
                return current;
            }
            current = a.copyOf();
        }
        return current;
    }

    private static void note(boolean ok, List<String> mistakes, String text) {
        if (!ok) {
            mistakes.add(text);
        }
    }

    /** Mutable sums of article scores. */
    private static final class Tally {
        int articles;
        long ktp, kfp, kfn, itp, ifp, ifn, rtp, rfp, rfn;
        Accuracy kind = Accuracy.NONE, qualifier = Accuracy.NONE, country = Accuracy.NONE, admin1 = Accuracy.NONE,
            date = Accuracy.NONE, eventType = Accuracy.NONE;

        void add(ArticleScore s) {
            articles++;
            ktp += s.claimTp();
            kfp += s.claimFp();
            kfn += s.claimFn();
            itp += s.injuredTp();
            ifp += s.injuredFp();
            ifn += s.injuredFn();
            rtp += s.reportTp();
            rfp += s.reportFp();
            rfn += s.reportFn();
            kind = sum(kind, s.kind());
            qualifier = sum(qualifier, s.qualifier());
            country = sum(country, s.country());
            admin1 = sum(admin1, s.admin1());
            date = sum(date, s.date());
            eventType = sum(eventType, s.eventType());
        }

        Slice slice() {
            return new Slice(articles, Prf.ofCounts(ktp, kfp, kfn), Prf.ofCounts(itp, ifp, ifn), Prf.ofCounts(rtp, rfp, rfn),
                kind, qualifier, country, admin1, date, eventType);
        }

        private static Accuracy sum(Accuracy a, Accuracy b) {
            return new Accuracy(a.correct() + b.correct(), a.total() + b.total());
        }
    }
}
