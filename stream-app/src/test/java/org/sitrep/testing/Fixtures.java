package org.sitrep.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.sitrep.schema.Article;
import org.sitrep.schema.Claim;
import org.sitrep.schema.ClaimantKind;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.EventType;
import org.sitrep.schema.Party;
import org.sitrep.schema.Place;
import org.sitrep.schema.Qualifier;

/** Small builders for test records. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Article article(String id, String published, String body) {
        return Article.newBuilder()
            .setId(id)
            .setUrl("https://example.org/" + id)
            .setOutlet("outlet-" + id)
            .setLanguage("en")
            .setPublishedAt(Instant.parse(published))
            .setTitle("title " + id)
            .setBody(body)
            .build();
    }

    public static Claim claim(String claimant, ClaimantKind kind, Party party, Integer killed, Integer injured,
                              Qualifier qualifier, String published) {
        return Claim.newBuilder()
            .setClaimant(claimant)
            .setClaimantKind(kind)
            .setParty(party)
            .setKilled(killed)
            .setInjured(injured)
            .setQualifier(qualifier)
            .setArticleId("a-" + published)
            .setOutlet("wire")
            .setPublishedAt(Instant.parse(published))
            .setSentence(claimant + " says " + killed)
            .build();
    }

    public static Place place(String name, double lat, double lon) {
        return new Place(name, "ML", null, lat, lon);
    }

    public static EventReport report(String id, String published, EventType type, String eventDate, String admin1,
                                     List<Place> places, List<Claim> claims) {
        return EventReport.newBuilder()
            .setReportId(id + "#1")
            .setArticleId(id)
            .setOutlet("outlet-" + id)
            .setLanguage("en")
            .setPublishedAt(Instant.parse(published))
            .setTitle("title " + id)
            .setEventType(type)
            .setEventDate(LocalDate.parse(eventDate))
            .setCountry("ML")
            .setAdmin1(admin1)
            .setPlaces(places)
            .setClaims(claims)
            .build();
    }
}
