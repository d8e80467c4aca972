package org.sitrep.registry;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates the {@link SchemaRegistryClient} a URL asks for, with Confluent's configuration keys.
 *
 * <ul>
 *   <li>{@code mock://<scope>}: an {@link InMemorySchemaRegistryClient}, the same instance for the same scope in this
 *       JVM (Confluent's convention for tests), until {@link #dropMockScope(String)}.
 *   <li>anything else: an {@link HttpSchemaRegistryClient} of the comma-separated URLs.
 * </ul>
 *
 * <p>Keys read from {@code config} (others are ignored, so a whole serde config may be passed):
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>meaning</th></tr>
 *   <tr><td>{@value #CREDENTIALS_SOURCE}</td><td>{@code URL} (default: user-info of each URL) or {@code USER_INFO}</td></tr>
 *   <tr><td>{@value #USER_INFO}</td><td>{@code user:password}, used when the source is {@code USER_INFO}</td></tr>
 *   <tr><td>{@value #BEARER_SOURCE}</td><td>{@code STATIC_TOKEN} (the only one supported; optional)</td></tr>
 *   <tr><td>{@value #BEARER_TOKEN}</td><td>a token sent as {@code Authorization: Bearer}</td></tr>
 *   <tr><td>{@value #REQUEST_TIMEOUT_MS}</td><td>time allowed for one HTTP exchange, in ms</td></tr>
 *   <tr><td>{@value #CONNECT_TIMEOUT_MS}</td><td>time allowed to connect, in ms</td></tr>
 * </table>
 */
public final class SchemaRegistryClients {
    public static final String MOCK_SCHEME = "mock://";
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";
    public static final String BEARER_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_TOKEN = "bearer.auth.token";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";

    /** The registries behind {@code mock://} URLs, by scope: the only shared mutable state, as in Confluent's mock. */
    private static final Map<String, InMemorySchemaRegistryClient> MOCK_SCOPES = new ConcurrentHashMap<>();

    private SchemaRegistryClients() {
    }

    /**
     * The client for {@code url}.
     *
     * @throws IllegalArgumentException if the URL or a setting is invalid (the message never holds a secret)
     */
    public static SchemaRegistryClient create(String url, Map<String, String> config) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("No schema registry URL given");
        }
        String trimmed = url.trim();
        if (trimmed.regionMatches(true, 0, MOCK_SCHEME, 0, MOCK_SCHEME.length())) {
            return mock(trimmed.substring(MOCK_SCHEME.length()));
        }
        return http(trimmed, config == null ? Map.of() : config);
    }

    /** Forgets the in-memory registry of a {@code mock://} scope: the next {@link #create} starts an empty one. */
    public static void dropMockScope(String scope) {
        MOCK_SCOPES.remove(scope);
    }

    private static SchemaRegistryClient mock(String scope) {
        if (scope.contains(",")) {
            throw new IllegalArgumentException("A mock:// schema registry URL must be the only URL: mock://" + scope);
        }
        return MOCK_SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistryClient());
    }

    private static HttpSchemaRegistryClient http(String urls, Map<String, String> config) {
        HttpSchemaRegistryClient.Builder builder = HttpSchemaRegistryClient.builder(urls);
        String token = setting(config, BEARER_TOKEN);
        boolean basicFromUserInfo = basicFromUserInfo(config);
        if (token != null && basicFromUserInfo) {
            throw new IllegalArgumentException("Set either " + USER_INFO + " or " + BEARER_TOKEN + ", not both");
        }
        if (basicFromUserInfo) {
            applyUserInfo(builder, setting(config, USER_INFO));
        }
        if (token != null) {
            requireStaticToken(config);
            builder.bearerToken(token);
        }
        millis(config, REQUEST_TIMEOUT_MS).ifPresent(builder::requestTimeout);
        millis(config, CONNECT_TIMEOUT_MS).ifPresent(builder::connectTimeout);
        return builder.build();
    }

    private static boolean basicFromUserInfo(Map<String, String> config) {
        String source = setting(config, CREDENTIALS_SOURCE);
        if (source == null || source.equalsIgnoreCase("URL")) {
            return false;
        }
        if (source.equalsIgnoreCase("USER_INFO")) {
            return true;
        }
        throw new IllegalArgumentException(CREDENTIALS_SOURCE + " must be URL or USER_INFO, got " + source);
    }

    private static void applyUserInfo(HttpSchemaRegistryClient.Builder builder, String userInfo) {
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(USER_INFO + " must be set as user:password when " + CREDENTIALS_SOURCE
                    + " is USER_INFO");
        }
        builder.basicAuth(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    private static void requireStaticToken(Map<String, String> config) {
        String source = setting(config, BEARER_SOURCE);
        if (source != null && !source.toUpperCase(Locale.ROOT).equals("STATIC_TOKEN")) {
            throw new IllegalArgumentException(BEARER_SOURCE + " must be STATIC_TOKEN, got " + source);
        }
    }

    private static Optional<Duration> millis(Map<String, String> config, String key) {
        String value = setting(config, key);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis(Long.parseLong(value)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of milliseconds, got " + value);
        }
    }

    private static String setting(Map<String, String> config, String key) {
        String value = config.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
