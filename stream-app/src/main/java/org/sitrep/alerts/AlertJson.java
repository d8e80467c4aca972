package org.sitrep.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sitrep.output.JsonOutput;
import org.sitrep.schema.Alert;
import org.sitrep.schema.Place;

/** The JSON body a webhook receives for one alert (field names as in the Avro schema). */
public final class AlertJson {
    private AlertJson() {
    }

    public static String of(Alert a) {
        ObjectNode n = JsonOutput.object();
        n.put("alert_id", a.getAlertId());
        n.put("rule_id", a.getRuleId());
        n.put("rule_name", a.getRuleName());
        n.put("reason", a.getReason().toString());
        n.put("incident_id", a.getIncidentId());
        n.put("incident_version", a.getIncidentVersion());
        n.put("event_type", a.getEventType().toString());
        n.put("country", a.getCountry());
        n.put("admin1", a.getAdmin1());
        var places = n.putArray("places");
        for (Place p : a.getPlaces()) {
            places.addObject().put("name", p.getName()).put("lat", p.getLat()).put("lon", p.getLon());
        }
        n.set("actors", JsonOutput.strings(a.getActors()));
        n.put("event_date", a.getEventDate().toString());
        n.put("killed_measure", a.getKilledMeasure());
        n.put("killed", a.getKilled());
        n.put("previous_killed", a.getPreviousKilled());
        n.put("killed_best", a.getKilledBest());
        n.put("killed_high", a.getKilledHigh());
        n.put("articles", a.getArticles());
        n.put("updated_at", a.getUpdatedAt().toString());
        n.put("message", a.getMessage());
        return JsonOutput.line(n);
    }
}
