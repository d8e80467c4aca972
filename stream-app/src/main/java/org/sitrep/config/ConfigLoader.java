package org.sitrep.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.sitrep.config.SitrepConfig.PipelineConfig;

/**
 * Builds a {@link SitrepConfig} from four layers, each overriding the one before: built-in defaults, a properties
 * file, the environment, command-line flags.
 *
 * <p>Every layer uses the same keys, the long flag names without dashes in front ({@code bootstrap-servers}). In the
 * environment a key is {@code SITREP_} plus the key in upper case with {@code _} for {@code -}
 * ({@code SITREP_BOOTSTRAP_SERVERS}). Keys starting with {@code kafka.} pass through to Kafka clients and Streams
 * ({@code kafka.security.protocol}; env {@code KAFKA_SECURITY_PROTOCOL}); keys starting with {@code registry.} go to
 * the schema registry client ({@code registry.basic.auth.user.info}; env {@code SITREP_REGISTRY_BASIC_AUTH_USER_INFO}).
 * An unknown key or a malformed value fails fast with a message naming it.
 */
public final class ConfigLoader {
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("bootstrap-servers", "localhost:9092");
        d.put("schema-registry-url", "http://localhost:8081");
        d.put("application-id", "sitrep");
        d.put("state-dir", Path.of(System.getProperty("java.io.tmpdir"), "sitrep-state").toString());
        d.put("partitions", "3");
        d.put("replication-factor", "1");
        d.put("dedup-horizon", "7d");
        d.put("near-dup-threshold", "0.5");
        d.put("near-dup-containment", "0.6");
        d.put("near-dup-min-share", "0.25");
        d.put("max-body-chars", "500000");
        d.put("match-window-days", "3");
        d.put("match-max-km", "250");
        d.put("match-min-score", "1.0");
        d.put("incident-quiet-period", "30d");
        d.put("incident-retention", "30d");
        d.put("http-port", "8080");
        d.put("reorder-grace", "10m");
        d.put("reorder-flush-after", "10m");
        d.put("advertised-http-url", "");
        d.put("alert-rules", "");
        d.put("webhook-url", "");
        d.put("webhook-secret", "");
        d.put("webhook-max-attempts", "5");
        d.put("api-read-token", "");
        d.put("api-rate-limit", "50");
        DEFAULTS = Collections.unmodifiableMap(d);
    }

    private static final Set<String> PREFIXES = Set.of("kafka.", "registry.");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConfigLoader.class);

    private ConfigLoader() {
    }

    /** Loads the layers and builds the config; {@code file} may be null. */
    public static SitrepConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
        return load(Map.of(), file, env, flags);
    }

    /**
     * Loads the layers over the built-in defaults as changed by {@code defaults} (a command's own defaults, e.g.
     * one partition for a local run), so that the file, the environment and flags still override them.
     */
    public static SitrepConfig load(Map<String, String> defaults, Path file, Map<String, String> env,
                                    Map<String, String> flags) {
        Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
        merged.putAll(checked(defaults, "command defaults"));
        if (file != null) {
            merged.putAll(checked(readFile(file), "config file " + file));
        }
        merged.putAll(knownOnly(fromEnv(env)));
        merged.putAll(checked(flags, "flags"));
        return build(merged);
    }

    /**
     * The environment is shared with other software (a Kubernetes Service named sitrep injects SITREP_PORT, Kafka's
     * scripts read KAFKA_OPTS): unknown SITREP_* names are skipped with a warning instead of failing.
     */
    private static Map<String, String> knownOnly(Map<String, String> envLayer) {
        Map<String, String> out = new TreeMap<>();
        envLayer.forEach((k, v) -> {
            if (isKnown(k)) {
                out.put(k, v);
            } else {
                LOG.warn("ignoring environment variable for unknown setting '{}'", k);
            }
        });
        return out;
    }

    private static boolean isKnown(String key) {
        return DEFAULTS.containsKey(key) || PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** The keys the environment sets: {@code SITREP_FOO_BAR} -> {@code foo-bar}, {@code KAFKA_X_Y} -> {@code kafka.x.y}. */
    public static Map<String, String> fromEnv(Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("SITREP_REGISTRY_")) {
                out.put("registry." + name.substring(16).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            } else if (name.startsWith("SITREP_") && !name.equals("SITREP_APICURIO_HOME")
                && !name.equals("SITREP_INGEST_TOKEN")) {
                out.put(name.substring(7).toLowerCase(Locale.ROOT).replace('_', '-'), value);
            } else if (name.startsWith("KAFKA_") && name.length() > 6 && !name.endsWith("_OPTS")) {
                out.put("kafka." + name.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return out;
    }

    static Map<String, String> readFile(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k.trim(), props.getProperty(k).trim()));
        return out;
    }

    private static Map<String, String> checked(Map<String, String> layer, String source) {
        for (String key : layer.keySet()) {
            if (!isKnown(key)) {
                throw new ConfigException("unknown setting '" + key + "' in " + source + "; known: "
                    + String.join(", ", DEFAULTS.keySet()) + ", kafka.*, registry.*");
            }
        }
        return layer;
    }

    static SitrepConfig build(Map<String, String> m) {
        Map<String, String> kafka = new TreeMap<>();
        Map<String, String> registry = new TreeMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith("kafka.")) {
                kafka.put(k.substring(6), v);
            } else if (k.startsWith("registry.")) {
                registry.put(k.substring(9), v);
            }
        });
        PipelineConfig pipeline = new PipelineConfig(
            duration(m, "dedup-horizon"),
            positiveInt(m, "max-body-chars"),
            positiveInt(m, "match-window-days"),
            positiveDouble(m, "match-max-km"),
            duration(m, "incident-quiet-period"),
            nonNegativeDuration(m, "reorder-grace"),
            duration(m, "reorder-flush-after"),
            alertRules(m.getOrDefault("alert-rules", "")),
            positiveDouble(m, "match-min-score"),
            retention(m, "incident-retention"),
            fraction(m, "near-dup-threshold"),
            fraction(m, "near-dup-containment"),
            fraction(m, "near-dup-min-share"));
        return new SitrepConfig(
            required(m, "bootstrap-servers"),
            required(m, "schema-registry-url"),
            Collections.unmodifiableMap(registry),
            required(m, "application-id"),
            Path.of(required(m, "state-dir")),
            positiveInt(m, "partitions"),
            (short) Math.min(Short.MAX_VALUE, positiveInt(m, "replication-factor")),
            pipeline,
            Collections.unmodifiableMap(kafka),
            port(m, "http-port"),
            advertisedUrl(m.getOrDefault("advertised-http-url", "")),
            new SitrepConfig.WebhookConfig(m.getOrDefault("webhook-url", "").trim(), m.getOrDefault("webhook-secret", ""),
                positiveInt(m, "webhook-max-attempts")),
            new SitrepConfig.ApiAccess(m.getOrDefault("api-read-token", ""), nonNegativeNumber(m, "api-rate-limit")));
    }

    private static String required(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null || v.isBlank()) {
            throw new ConfigException("setting '" + key + "' must not be empty");
        }
        return v.trim();
    }

    private static int positiveInt(Map<String, String> m, String key) {
        String v = required(m, key);
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("setting '" + key + "' must be a positive integer, got '" + v + "'");
    }

    private static int port(Map<String, String> m, String key) {
        String v = required(m, key);
        try {
            int n = Integer.parseInt(v);
            if (n >= 0 && n <= 65535) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("setting '" + key + "' must be a port between 0 and 65535 (0 = off), got '" + v + "'");
    }

    /** Empty = derived at start-up by the command that serves HTTP; otherwise {@code http://host:port} or {@code host:port}. */
    private static String advertisedUrl(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            SitrepConfig.hostPort(v.trim());
            return v.trim();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("setting 'advertised-http-url': " + e.getMessage());
        }
    }

    /** Empty = no rules; otherwise a JSON rules file, read and checked now. */
    private static org.sitrep.alerts.AlertRules alertRules(String v) {
        if (v == null || v.isBlank()) {
            return org.sitrep.alerts.AlertRules.NONE;
        }
        try {
            return org.sitrep.alerts.AlertRules.read(Path.of(v.trim()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("setting 'alert-rules': " + e.getMessage());
        }
    }

    private static double nonNegativeNumber(Map<String, String> m, String key) {
        String v = required(m, key);
        try {
            double d = Double.parseDouble(v);
            if (d >= 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("setting '" + key + "' must be a number >= 0, got '" + v + "'");
    }

    /** A number in (0, 1]: a share or a similarity. */
    private static double fraction(Map<String, String> m, String key) {
        String v = required(m, key);
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("setting '" + key + "' must be a number greater than 0 and at most 1, got '" + v + "'");
    }

    private static double positiveDouble(Map<String, String> m, String key) {
        String v = required(m, key);
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("setting '" + key + "' must be a positive number, got '" + v + "'");
    }

    /** Parses {@code 7d}, {@code 12h}, {@code 30m}, {@code 45s}, {@code 500ms} or an ISO-8601 duration. */
    public static Duration parseDuration(String text) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            switch (v.charAt(v.length() - 1)) {
                case 'd': return Duration.ofDays(n);
                case 'h': return Duration.ofHours(n);
                case 'm': return Duration.ofMinutes(n);
                case 's': return Duration.ofSeconds(n);
                default: break;
            }
        } catch (RuntimeException ignored) {
            // reported below
        }
        throw new ConfigException("'" + text + "' is not a duration (use e.g. 7d, 12h, 30m, 45s, 500ms or PT1H)");
    }

    private static Duration duration(Map<String, String> m, String key) {
        try {
            Duration d = parseDuration(required(m, key));
            if (d.isNegative() || d.isZero()) {
                throw new ConfigException("setting '" + key + "' must be a positive duration");
            }
            return d;
        } catch (ConfigException e) {
            throw new ConfigException("setting '" + key + "': " + e.getMessage());
        }
    }

    /** A positive duration, or {@code forever} ({@link PipelineConfig#KEEP_FOREVER}). */
    private static Duration retention(Map<String, String> m, String key) {
        if (required(m, key).equalsIgnoreCase("forever")) {
            return PipelineConfig.KEEP_FOREVER;
        }
        try {
            return duration(m, key);
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage() + ", or 'forever'");
        }
    }

    private static Duration nonNegativeDuration(Map<String, String> m, String key) {
        String v = required(m, key);
        if (v.matches("0+[a-z]*")) {
            return Duration.ZERO;
        }
        return duration(m, key);
    }

    /** A setting is missing, unknown or malformed. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
