package org.sitrep.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.sitrep.topology.Topics;

/**
 * The whole configuration of a Sitrep instance, immutable, built by {@link ConfigLoader} from defaults, a config file,
 * the environment and flags (in that order of precedence).
 *
 * @param bootstrapServers   Kafka bootstrap servers
 * @param schemaRegistryUrl  Confluent-compatible registry base URL(s); {@code mock://scope} selects an in-memory one
 * @param registry           extra registry client settings (auth, timeouts), Confluent key names
 * @param applicationId      Kafka Streams application id (consumer group, internal topic prefix)
 * @param stateDir           local state directory
 * @param partitions         partitions of the topics {@code topics} creates
 * @param replicationFactor  replication factor of the topics {@code topics} creates
 * @param pipeline           the stage settings
 * @param kafka              pass-through Kafka client/streams settings (highest precedence)
 * @param httpPort           port of the HTTP API and health endpoints that {@code run} serves; 0 = none
 * @param advertisedHttpUrl  how other instances reach this one's HTTP API ({@code http://host:port}); becomes Kafka
 *                           Streams' {@code application.server}; null = not set (the serving command derives it)
 */
public record SitrepConfig(
    String bootstrapServers,
    String schemaRegistryUrl,
    Map<String, String> registry,
    String applicationId,
    Path stateDir,
    int partitions,
    short replicationFactor,
    PipelineConfig pipeline,
    Map<String, String> kafka,
    int httpPort,
    String advertisedHttpUrl,
    WebhookConfig webhook,
    ApiAccess api) {

    /** HTTP API access: a bearer token for reads (empty = open) and requests per second per client (0 = no limit). */
    public record ApiAccess(String readToken, double rateLimit) {
        @Override
        public String toString() {
            return "ApiAccess[readToken=" + (readToken.isEmpty() ? "" : "***") + ", rateLimit=" + rateLimit + "]";
        }
    }

    /**
     * Where {@code alerts-webhook} POSTs alerts: {@code url} (empty = not configured), the HMAC signing
     * {@code secret}, and how many attempts before an alert is dead-lettered.
     */
    public record WebhookConfig(String url, String secret, int maxAttempts) {
        @Override
        public String toString() {
            return "WebhookConfig[url=" + url + ", secret=" + (secret.isEmpty() ? "" : "***") + ", maxAttempts="
                + maxAttempts + "]";
        }
    }

    /**
     * Settings of the pipeline stages; all durations are in event time. An article is a near-duplicate of an earlier
     * one within {@code dedupHorizon} when their estimated containment (MinHash) is at or above
     * {@code nearDupContainment} and the text they share is at least {@code nearDupMinShare} of the longer, or when
     * their estimated Jaccard similarity is at or above {@code nearDupThreshold} ({@link #nearDupRule}).
     *
     * @param incidentRetention how long a closed or merged incident stays in the incidents stage's stores (and so in
     *                          the HTTP API) after its closing time; {@link #KEEP_FOREVER} for {@code forever}
     */
    public record PipelineConfig(
        Duration dedupHorizon,
        int maxBodyChars,
        int matchWindowDays,
        double matchMaxKm,
        Duration incidentQuietPeriod,
        Duration reorderGrace,
        Duration reorderFlushAfter,
        org.sitrep.alerts.AlertRules alertRules,
        double matchMinScore,
        Duration incidentRetention, double nearDupThreshold, double nearDupContainment, double nearDupMinShare) {
        /** {@code incident-retention=forever}: a million days, so that closing time + retention never overflows. */
        public static final Duration KEEP_FOREVER = Duration.ofDays(1_000_000);

        public static PipelineConfig defaults() {
            return new PipelineConfig(Duration.ofDays(7), 500_000, 3, 250.0, Duration.ofDays(30),
                Duration.ofMinutes(10), Duration.ofMinutes(10), org.sitrep.alerts.AlertRules.NONE,
                org.sitrep.incidents.MatchSettings.DEFAULT_MIN_SCORE, Duration.ofDays(30),
                org.sitrep.dedup.NearDuplicateRule.DEFAULT_JACCARD, org.sitrep.dedup.NearDuplicateRule.DEFAULT_CONTAINMENT,
                org.sitrep.dedup.NearDuplicateRule.DEFAULT_MIN_SHARE);
        }

        /** The near-duplicate stage's decision rule. */
        public org.sitrep.dedup.NearDuplicateRule nearDupRule() {
            return new org.sitrep.dedup.NearDuplicateRule(nearDupThreshold, nearDupContainment, nearDupMinShare);
        }
        /** The event-time reorder buffers' settings. */
        public org.sitrep.ordering.ReorderSettings reorder() {
            return new org.sitrep.ordering.ReorderSettings(reorderGrace, reorderFlushAfter);
        }
    }

    /**
     * Defaults of a bounded replay whose output is read when it ends ({@code process}, and the throughput run of
     * {@code bench}, which measures one): exactly-once commits once a second instead of Kafka Streams' 100 ms, as each
     * commit flushes every store's cache and closes a transaction, whatever the number of records since the last one
     * (about a tenth more articles per second over 100,000 articles: docs/PERFORMANCE.md). A live service keeps
     * the 100 ms, since under exactly-once its output is visible to {@code read_committed} readers only once committed.
     * A config file, the environment or {@code --set kafka.commit.interval.ms=...} still win.
     */
    public static final Map<String, String> REPLAY_DEFAULTS = Map.of("kafka.commit.interval.ms", "1000");

    /** Key under which the registry URL reaches serdes and error handlers configured by Kafka Streams. */
    public static final String REGISTRY_URL_KEY = "sitrep.schema.registry.url";
    /** Prefix of the registry client settings inside Kafka Streams' configuration. */
    public static final String REGISTRY_PREFIX = "sitrep.schema.registry.";

    /** Kafka Streams properties: exactly-once v2, explicit internal names, then the pass-through settings. */
    public Properties streamsProperties() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
            org.sitrep.dlq.DeadLetterHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, org.sitrep.dlq.DeadLetterHandler.class.getName());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 262_144);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // Dead letters carry whole original records plus context: allow them to be larger than the input limit.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.DLQ_MAX_BYTES);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
        p.put(REGISTRY_URL_KEY, schemaRegistryUrl);
        registry.forEach((k, v) -> p.put(REGISTRY_PREFIX + k, v));
        if (advertisedHttpUrl != null) {
            p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, hostPort(advertisedHttpUrl));
        }
        p.putAll(kafka);
        return p;
    }

    /** This config with {@code advertisedHttpUrl} set (validated). */
    public SitrepConfig withAdvertisedHttpUrl(String url) {
        hostPort(url);
        return new SitrepConfig(bootstrapServers, schemaRegistryUrl, registry, applicationId, stateDir, partitions,
            replicationFactor, pipeline, kafka, httpPort, url, webhook, api);
    }

    /** {@code host:port} of {@code http://host:port[/]} or {@code host:port}; fails on anything else. */
    public static String hostPort(String url) {
        String v = url.startsWith("http://") ? url.substring(7) : url;
        if (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        int colon = v.lastIndexOf(':');
        if (url.startsWith("https://") || colon <= 0 || v.contains("/")) {
            throw new IllegalArgumentException("'" + url + "' is not http://host:port or host:port");
        }
        try {
            int port = Integer.parseInt(v.substring(colon + 1));
            if (port <= 0 || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + url + "' has no valid port");
        }
        return v;
    }

    /** Plain Kafka client properties (producers, consumers, admin): bootstrap plus pass-through settings. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> p = new java.util.HashMap<>(kafka);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return p;
    }

}
