package org.sitrep.evaluate;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sitrep.output.JsonOutput;

/** The printed table and the JSON form of an evaluation {@link Scorer.Result}. */
public final class ResultFormat {
    private ResultFormat() {
    }

    public static String text(Scorer.Result r) {
        StringBuilder b = new StringBuilder();
        b.append("Extraction (labelled originals; claims match on party and killed count within an aligned report)\n");
        b.append(String.format(Locale.ROOT, "%-10s %8s %22s %22s %22s %10s %10s %10s %10s %10s %10s%n", "language", "articles",
            "claims P/R/F1", "injured P/R/F1", "reports P/R/F1", "kind", "qualifier", "country", "admin1", "date±1d", "type"));
        row(b, "all", r.overall());
        for (Map.Entry<String, Scorer.Slice> e : r.byLanguage().entrySet()) {
            row(b, e.getKey(), e.getValue());
        }
        b.append('\n');
        b.append(String.format(Locale.ROOT, "Incident grouping: pairwise %s, B-cubed %s (%d labelled incidents, %d predicted)%n",
            prf(r.groupingPairwise()), prf(r.groupingBcubed()), r.labelledIncidents(), r.predictedIncidents()));
        b.append(String.format(Locale.ROOT, "Copy detection:    pairwise %s, B-cubed %s%n",
            prf(r.copiesPairwise()), prf(r.copiesBcubed())));
        if (!r.unpredicted().isEmpty()) {
            b.append("Labelled but not in the output: ").append(r.unpredicted()).append('\n');
        }
        if (!r.unlabelled().isEmpty()) {
            b.append("In the output but not labelled (ignored): ").append(r.unlabelled()).append('\n');
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String name, Scorer.Slice s) {
        b.append(String.format(Locale.ROOT, "%-10s %8d %22s %22s %22s %10s %10s %10s %10s %10s %10s%n", name, s.articles(),
            prf(s.claims()), prf(s.injuredClaims()), prf(s.reports()), acc(s.claimantKind()), acc(s.qualifier()),
            acc(s.country()), acc(s.admin1()), acc(s.date()), acc(s.eventType())));
    }

    static String prf(Prf p) {
        return String.format(Locale.ROOT, "%.3f/%.3f/%.3f", p.precision(), p.recall(), p.f1());
    }

    static String acc(Accuracy a) {
        return a.total() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", a.value());
    }

    public static ObjectNode json(Scorer.Result r) {
        ObjectNode n = JsonOutput.object();
        n.set("overall", slice(r.overall()));
        ObjectNode langs = n.putObject("by_language");
        r.byLanguage().forEach((l, s) -> langs.set(l, slice(s)));
        ObjectNode g = n.putObject("grouping");
        g.set("pairwise", prfJson(r.groupingPairwise()));
        g.set("bcubed", prfJson(r.groupingBcubed()));
        g.put("labelled_incidents", r.labelledIncidents());
        g.put("predicted_incidents", r.predictedIncidents());
        ObjectNode c = n.putObject("copies");
        c.set("pairwise", prfJson(r.copiesPairwise()));
        c.set("bcubed", prfJson(r.copiesBcubed()));
        n.set("unpredicted", JsonOutput.strings(r.unpredicted()));
        n.set("unlabelled", JsonOutput.strings(r.unlabelled()));
        n.set("mistakes", JsonOutput.strings(r.mistakes()));
        return n;
    }

    private static ObjectNode slice(Scorer.Slice s) {
        ObjectNode n = JsonOutput.object();
        n.put("articles", s.articles());
        n.set("claims", prfJson(s.claims()));
        n.set("injured_claims", prfJson(s.injuredClaims()));
        n.set("reports", prfJson(s.reports()));
        n.set("claimant_kind_accuracy", accJson(s.claimantKind()));
        n.set("qualifier_accuracy", accJson(s.qualifier()));
        n.set("country_accuracy", accJson(s.country()));
        n.set("admin1_accuracy", accJson(s.admin1()));
        n.set("date_accuracy", accJson(s.date()));
        n.set("event_type_accuracy", accJson(s.eventType()));
        return n;
    }

    private static ObjectNode prfJson(Prf p) {
        ObjectNode n = JsonOutput.object();
        n.put("precision", p.precision());
        n.put("recall", p.recall());
        n.put("f1", p.f1());
        if (p.hasCounts()) {
            n.put("tp", p.tp());
            n.put("fp", p.fp());
            n.put("fn", p.fn());
        }
        return n;
    }

    private static ObjectNode accJson(Accuracy a) {
        ObjectNode n = JsonOutput.object();
        if (a.total() > 0) {
            n.put("value", a.value());
        } else {
            n.putNull("value");
        }
        n.put("correct", a.correct());
        n.put("total", a.total());
        return n;
    }
}
