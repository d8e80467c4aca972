package org.sitrep.output;

import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sitrep.schema.Claim;
import org.sitrep.schema.Estimate;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.Incident;
import org.sitrep.schema.PartyCasualties;
import org.sitrep.schema.Place;

/**
 * The JSON forms of incidents and reports written by {@code process} (documented in the README). Text from articles
 * is untrusted: {@code < > & '} are written as JSON Unicode escapes, so a line pasted into HTML or a script block
 * cannot open a tag; parsed back, the strings are unchanged.
 */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactory().setCharacterEscapes(new HtmlSafeEscapes()));

    /** Escapes the characters that matter in HTML as JSON Unicode escapes; everything else as standard JSON. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\''}) {
                escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    private JsonOutput() {
    }

    public static ObjectNode incident(Incident i) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("incident_id", i.getIncidentId());
        n.put("version", i.getVersion());
        n.put("status", i.getStatus().toString());
        n.put("merged_into", i.getMergedInto());
        n.put("event_type", i.getEventType().toString());
        n.put("country", i.getCountry());
        n.put("admin1", i.getAdmin1());
        n.set("places", places(i.getPlaces()));
        n.set("actors", strings(i.getActors()));
        n.put("event_date", i.getEventDate().toString());
        n.put("event_date_last", i.getEventDateLast().toString());
        n.put("first_reported_at", i.getFirstReportedAt().toString());
        n.put("updated_at", i.getUpdatedAt().toString());
        n.set("articles", strings(i.getArticles()));
        n.set("outlets", strings(i.getOutlets()));
        n.set("casualties", casualties(i.getCasualties()));
        n.put("contested", i.getContested());
        n.set("claims", claims(i.getClaims()));
        return n;
    }

    /**
     * Party -> {@code killed} / {@code injured} / {@code missing} ({@code low}, {@code best}, {@code high}, or null)
     * and {@code contested}.
     */
    public static ObjectNode casualties(List<PartyCasualties> list) {
        ObjectNode casualties = MAPPER.createObjectNode();
        for (PartyCasualties pc : list) {
            ObjectNode party = casualties.putObject(pc.getParty().toString());
            party.set("killed", estimate(pc.getKilled()));
            party.set("injured", estimate(pc.getInjured()));
            party.set("missing", estimate(pc.getMissing()));
            party.put("contested", pc.getContested());
        }
        return casualties;
    }

    public static ObjectNode report(EventReport r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("report_id", r.getReportId());
        n.put("language", r.getLanguage());
        n.put("event_type", r.getEventType().toString());
        n.put("event_date", r.getEventDate().toString());
        n.put("country", r.getCountry());
        n.put("admin1", r.getAdmin1());
        n.set("places", places(r.getPlaces()));
        n.set("actors", strings(r.getActors()));
        n.set("claims", claims(r.getClaims()));
        return n;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode strings(Collection<String> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    public static String line(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode estimate(Estimate e) {
        if (e == null) {
            return null;
        }
        ObjectNode n = MAPPER.createObjectNode();
        n.put("low", e.getLow());
        n.put("best", e.getBest());
        n.put("high", e.getHigh());
        return n;
    }

    private static ArrayNode places(List<Place> places) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Place p : places) {
            ObjectNode n = a.addObject();
            n.put("name", p.getName());
            n.put("country", p.getCountry());
            n.put("admin1", p.getAdmin1());
            n.put("lat", p.getLat());
            n.put("lon", p.getLon());
        }
        return a;
    }

    private static ArrayNode claims(List<Claim> claims) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Claim c : claims) {
            ObjectNode n = a.addObject();
            n.put("claimant", c.getClaimant());
            n.put("claimant_kind", c.getClaimantKind().toString());
            n.put("party", c.getParty().toString());
            n.put("killed", c.getKilled());
            n.put("injured", c.getInjured());
            n.put("missing", c.getMissing());
            n.put("qualifier", c.getQualifier().toString());
            n.put("partisan", c.getPartisan());
            n.put("article_id", c.getArticleId());
            n.put("outlet", c.getOutlet());
            n.put("published_at", c.getPublishedAt().toString());
            n.put("sentence", c.getSentence());
            n.put("span_start", c.getSpanStart());
            n.put("span_end", c.getSpanEnd());
        }
        return a;
    }
}
