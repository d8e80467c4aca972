package org.sitrep.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.sitrep.incidents.IncidentStage;
import org.sitrep.output.JsonOutput;
import org.sitrep.schema.Incident;
import org.sitrep.schema.IncidentHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API over Kafka Streams interactive queries. An incident lives in the task of its country's partition
 * ({@link IncidentPartitioner}); {@code queryMetadataForKey} names the instance that owns it, by its
 * {@code application.server} ({@code advertised-http-url}). This instance answers from its local store when it owns
 * the key and otherwise forwards the request to the owner over HTTP (marked {@value ApiServer#LOCAL_HEADER}, so the
 * owner answers from its own store and never forwards again). A list asks every instance hosting
 * {@code incidents-store} for its matches and merges them.
 *
 * <p>Only active stores are read: an answer is never staler than the instance that owns the data. While a rebalance
 * moves a partition, or an instance cannot be reached, the answer is 503 and the client retries.
 */
public final class StreamsBackend implements ApiBackend {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsBackend.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KafkaStreams streams;
    private final String token;
    private final Topology topology;
    private final HostInfo self;
    private final ApiCounters counters;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final IncidentPartitioner partitioner = new IncidentPartitioner();

    public StreamsBackend(KafkaStreams streams, Topology topology, HostInfo self, ApiCounters counters) {
        this(streams, topology, self, counters, null);
    }

    /** {@code token}: the bearer token sent with forwarded requests (the instances share one), or null. */
    public StreamsBackend(KafkaStreams streams, Topology topology, HostInfo self, ApiCounters counters, String token) {
        this.token = token;
        this.streams = streams;
        this.topology = topology;
        this.self = self;
        this.counters = counters;
    }

    @Override
    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public String topology() {
        return topology.describe().toString();
    }

    @Override
    public String metrics() {
        return PrometheusMetrics.render(streams.metrics(), streams.state(), counters);
    }

    @Override
    public ApiResult incident(String id, boolean local) {
        return byKey(IncidentStage.STORE, id, "/incidents/" + encode(id), local,
            (Function<Incident, JsonNode>) StreamsBackend::incidentWithReports);
    }

    @Override
    public ApiResult history(String id, boolean local) {
        return byKey(HistoryStage.STORE, id, "/incidents/" + encode(id) + "/history", local,
            (Function<IncidentHistory, JsonNode>) StreamsBackend::history);
    }

    private <V> ApiResult byKey(String store, String id, String path, boolean local, Function<V, JsonNode> json) {
        KeyQueryMetadata meta = streams.queryMetadataForKey(store, id, partitioner);
        if (meta == null || meta.equals(KeyQueryMetadata.NOT_AVAILABLE) || meta.activeHost() == null) {
            return ApiResult.unavailable("the state is not available yet (starting or rebalancing); retry shortly");
        }
        if (!meta.activeHost().equals(self)) {
            if (local) {
                return ApiResult.unavailable("this instance no longer owns " + id + "; retry shortly");
            }
            return forward(meta.activeHost(), path);
        }
        try {
            ReadOnlyKeyValueStore<String, V> kv = streams.store(StoreQueryParameters
                .<ReadOnlyKeyValueStore<String, V>>fromNameAndType(store, QueryableStoreTypes.keyValueStore())
                .withPartition(meta.partition()));
            V value = kv.get(id);
            return value == null ? ApiResult.notFound("no incident " + id) : ApiResult.ok(json.apply(value));
        } catch (InvalidStateStoreException e) {
            return ApiResult.unavailable("the state is moving between instances; retry shortly");
        }
    }

    @Override
    public ApiResult incidents(IncidentFilter filter, int limit, boolean local) {
        List<ObjectNode> found = new ArrayList<>();
        try {
            found.addAll(localMatches(filter));
        } catch (InvalidStateStoreException e) {
            return ApiResult.unavailable("the state is moving between instances; retry shortly");
        }
        if (!local) {
            for (StreamsMetadata m : streams.metadataForAllStreamsClients()) {
                if (m.hostInfo().equals(self) || !m.stateStoreNames().contains(IncidentStage.STORE)) {
                    continue;
                }
                ApiResult remote = forward(m.hostInfo(), "/incidents?" + query(filter, limit));
                if (remote.status() != 200) {
                    return remote;
                }
                remote.body().get("incidents").forEach(n -> found.add((ObjectNode) n));
            }
        }
        found.sort(Comparator.comparing((ObjectNode n) -> n.get("updated_at").asText()).reversed()
            .thenComparing(n -> n.get("incident_id").asText()));
        ObjectNode body = JsonOutput.object();
        ArrayNode items = body.putArray("incidents");
        found.stream().limit(limit).forEach(items::add);
        body.put("count", items.size());
        body.put("truncated", found.size() > limit);
        return ApiResult.ok(body);
    }

    private List<ObjectNode> localMatches(IncidentFilter filter) {
        List<ObjectNode> out = new ArrayList<>();
        ReadOnlyKeyValueStore<String, Incident> kv = streams.store(StoreQueryParameters.fromNameAndType(
            IncidentStage.STORE, QueryableStoreTypes.<String, Incident>keyValueStore()));
        try (KeyValueIterator<String, Incident> it = kv.all()) {
            while (it.hasNext()) {
                KeyValue<String, Incident> e = it.next();
                if (e.value != null && filter.matches(e.value)) {
                    out.add(JsonOutput.incident(e.value));
                }
            }
        }
        return out;
    }

    private ApiResult forward(HostInfo host, String pathAndQuery) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header(ApiServer.LOCAL_HEADER, "true").header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            counters.forwarded();
            return new ApiResult(response.statusCode(), MAPPER.readTree(response.body()));
        } catch (IOException e) {
            LOG.warn("instance {}:{} did not answer {}: {}", host.host(), host.port(), pathAndQuery, e.toString());
            return ApiResult.unavailable("instance " + host.host() + ":" + host.port() + " did not answer; retry shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiResult.unavailable("interrupted");
        }
    }

    static String query(IncidentFilter f, int limit) {
        List<String> parts = new ArrayList<>();
        if (!f.countries().isEmpty()) {
            parts.add("country=" + encode(String.join(",", f.countries())));
        }
        if (f.admin1() != null) {
            parts.add("admin1=" + encode(f.admin1()));
        }
        if (!f.types().isEmpty()) {
            parts.add("type=" + encode(String.join(",", f.types())));
        }
        if (f.minKilled() != null) {
            parts.add("min_killed=" + f.minKilled());
        }
        if (f.actor() != null) {
            parts.add("actor=" + encode(f.actor()));
        }
        if (f.updatedSince() != null) {
            parts.add("since=" + encode(f.updatedSince().toString()));
        }
        parts.add("limit=" + limit);
        return String.join("&", parts);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The incident's JSON and its provenance: the claims (article, outlet, sentence), articles, outlets, reports. */
    static ObjectNode incidentWithReports(Incident i) {
        ObjectNode n = JsonOutput.incident(i);
        n.set("reports", JsonOutput.strings(i.getReports()));
        return n;
    }

    static ObjectNode history(IncidentHistory h) {
        ObjectNode n = JsonOutput.object();
        n.put("incident_id", h.getIncidentId());
        n.put("dropped", h.getDropped());
        ArrayNode versions = n.putArray("versions");
        for (var v : h.getVersions()) {
            ObjectNode o = versions.addObject();
            o.put("version", v.getVersion());
            o.put("status", v.getStatus());
            o.put("merged_into", v.getMergedInto());
            o.put("event_type", v.getEventType().toString());
            o.put("admin1", v.getAdmin1());
            o.put("updated_at", v.getUpdatedAt().toString());
            o.set("new_articles", JsonOutput.strings(v.getNewArticles()));
            o.put("article_count", v.getArticleCount());
            o.put("outlet_count", v.getOutletCount());
            o.put("claim_count", v.getClaimCount());
            o.set("casualties", JsonOutput.casualties(v.getCasualties()));
            o.put("contested", v.getContested());
        }
        return n;
    }
}
