package org.sitrep.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.sitrep.schema.ArticleCopy;
import org.sitrep.schema.DeadLetter;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.Incident;

/**
 * Everything one run published, read back from the output topics: unique article ids, copies, reports, every
 * incident version, and dead letters.
 */
public record RunOutputs(Set<String> uniqueIds, List<ArticleCopy> copies, List<EventReport> reports,
                         List<Incident> incidentVersions, List<DeadLetter> deadLetters, List<String> deadLetterKeys) {

    /** The newest version of each incident, in first-publication order. */
    public Collection<Incident> finalIncidents() {
        Map<String, Incident> last = new LinkedHashMap<>();
        for (Incident i : incidentVersions) {
            last.merge(i.getIncidentId(), i, (a, b) -> b.getVersion() >= a.getVersion() ? b : a);
        }
        return new ArrayList<>(last.values());
    }

    /** Ids of the incidents whose articles include each article id (a merged incident's articles are its survivor's). */
    public Map<String, Set<String>> incidentsByArticle() {
        Map<String, Set<String>> out = new java.util.HashMap<>();
        for (Incident i : finalIncidents()) {
            if (i.getStatus() == org.sitrep.schema.IncidentStatus.merged) {
                continue;
            }
            for (String article : i.getArticles()) {
                out.computeIfAbsent(article, a -> new TreeSet<>()).add(i.getIncidentId());
            }
        }
        return out;
    }
}
