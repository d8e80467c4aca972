package org.sitrep.topology;

import org.sitrep.registry.AvroSerde;
import org.sitrep.registry.SchemaRegistryClient;
import org.sitrep.schema.Alert;
import org.sitrep.schema.Article;
import org.sitrep.schema.ArticleCopy;
import org.sitrep.schema.DeadLetter;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.Incident;
import org.sitrep.schema.IncidentHistory;
import org.sitrep.schema.IncidentIndex;
import org.sitrep.schema.NearDupBand;
import org.sitrep.schema.NearDupSignature;
import org.sitrep.schema.SeenArticle;

/** One Avro serde per record type, all sharing one registry client (and so its caches). */
public final class SitrepSerdes {
    private final SchemaRegistryClient registry;
    private final AvroSerde<Article> article;
    private final AvroSerde<ArticleCopy> articleCopy;
    private final AvroSerde<EventReport> eventReport;
    private final AvroSerde<Incident> incident;
    private final AvroSerde<DeadLetter> deadLetter;
    private final AvroSerde<SeenArticle> seenArticle;
    private final AvroSerde<NearDupSignature> nearDupSignature;
    private final AvroSerde<NearDupBand> nearDupBand;
    private final AvroSerde<IncidentIndex> incidentIndex;
    private final AvroSerde<IncidentHistory> incidentHistory;
    private final AvroSerde<Alert> alert;

    public SitrepSerdes(SchemaRegistryClient registry) {
        this.registry = registry;
        article = AvroSerde.forValues(registry, Article.getClassSchema());
        articleCopy = AvroSerde.forValues(registry, ArticleCopy.getClassSchema());
        eventReport = AvroSerde.forValues(registry, EventReport.getClassSchema());
        incident = AvroSerde.forValues(registry, Incident.getClassSchema());
        deadLetter = AvroSerde.forValues(registry, DeadLetter.getClassSchema());
        seenArticle = AvroSerde.forValues(registry, SeenArticle.getClassSchema());
        nearDupSignature = AvroSerde.forValues(registry, NearDupSignature.getClassSchema());
        nearDupBand = AvroSerde.forValues(registry, NearDupBand.getClassSchema());
        incidentIndex = AvroSerde.forValues(registry, IncidentIndex.getClassSchema());
        incidentHistory = AvroSerde.forValues(registry, IncidentHistory.getClassSchema());
        alert = AvroSerde.forValues(registry, Alert.getClassSchema());
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    public AvroSerde<Article> article() {
        return article;
    }

    public AvroSerde<ArticleCopy> articleCopy() {
        return articleCopy;
    }

    public AvroSerde<EventReport> eventReport() {
        return eventReport;
    }

    public AvroSerde<Incident> incident() {
        return incident;
    }

    public AvroSerde<DeadLetter> deadLetter() {
        return deadLetter;
    }

    public AvroSerde<SeenArticle> seenArticle() {
        return seenArticle;
    }

    public AvroSerde<NearDupSignature> nearDupSignature() {
        return nearDupSignature;
    }

    public AvroSerde<NearDupBand> nearDupBand() {
        return nearDupBand;
    }

    public AvroSerde<IncidentIndex> incidentIndex() {
        return incidentIndex;
    }

    public AvroSerde<IncidentHistory> incidentHistory() {
        return incidentHistory;
    }

    public AvroSerde<Alert> alert() {
        return alert;
    }
}
