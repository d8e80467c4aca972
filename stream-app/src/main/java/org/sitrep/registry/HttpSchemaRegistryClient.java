package org.sitrep.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the Confluent Schema Registry REST API over {@link HttpClient}. It works with Confluent's registry and
 * with Apicurio's compatibility API (base URL {@code http://host:port/apis/ccompat/v7}).
 *
 * <ul>
 *   <li>Several comma-separated base URLs fail over: a connection error or a 5xx answer moves to the next URL; the
 *       last URL that answered is tried first next time.
 *   <li>Failed calls are retried with exponential backoff, a bounded number of times, on connection errors, timeouts
 *       and 5xx only; a 4xx answer fails at once.
 *   <li>Schemas by id and ids by (subject, schema) are cached in bounded LRU caches: both never change in a registry.
 *   <li>Credentials: user-info in a URL, or explicit basic credentials, or a bearer token. They are sent only in the
 *       {@code Authorization} header and never appear in logs or exception messages.
 * </ul>
 *
 * <p>Avro only: schemas are checked and sent in Avro's own JSON form ({@code Schema.toString()}), as Confluent's client
 * does, and no {@code schemaType} is sent, which the API reads as AVRO. Thread-safe.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {
    /** The Confluent API's media type, sent as Content-Type and preferred in Accept. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger LOG = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);
    private static final String ACCEPT = CONTENT_TYPE + ", application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";
    private static final int SUBJECT_NOT_FOUND = 40401;
    private static final int VERSION_NOT_FOUND = 40402;

    private final List<RegistryEndpoint> endpoints;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final BoundedCache<Integer, String> schemasById;
    private final BoundedCache<SubjectSchema, Integer> idsBySubjectSchema;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger preferred = new AtomicInteger();

    /** A client of {@code urls} (comma-separated) with default settings; credentials may be in the URLs. */
    public HttpSchemaRegistryClient(String urls) {
        this(builder(urls));
    }

    private HttpSchemaRegistryClient(Builder builder) {
        this.endpoints = RegistryEndpoint.parseAll(builder.urls, builder.authorization);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = builder.requestTimeout;
        this.maxRetries = builder.maxRetries;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.schemasById = new BoundedCache<>(builder.cacheCapacity);
        this.idsBySubjectSchema = new BoundedCache<>(builder.cacheCapacity);
    }

    /** Starts building a client of {@code urls}: one base URL, or several separated by commas. */
    public static Builder builder(String urls) {
        return new Builder(urls);
    }

    /** The base URLs, without credentials. */
    public List<String> baseUrls() {
        return endpoints.stream().map(RegistryEndpoint::baseUrl).toList();
    }

    @Override
    public int register(String subject, String schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        int id;
        try {
            id = call("POST", "/subjects/" + segment(subject) + "/versions", schemaBody(schema)).path("id").asInt();
        } catch (SchemaRegistryException e) {
            id = registeredMeanwhile(subject, schema, e);
        }
        idsBySubjectSchema.put(key, id);
        return id;
    }

    /**
     * A 409 is an incompatible schema, or (Apicurio) the loser of two instances registering a new subject at once:
     * "artifact already exists". If the schema is there now, the race was lost harmlessly and its id is the answer.
     */
    private int registeredMeanwhile(String subject, String schema, SchemaRegistryException conflict) {
        if (conflict.status() != 409) {
            throw conflict;
        }
        try {
            return call("POST", "/subjects/" + segment(subject), schemaBody(schema)).path("id").asInt();
        } catch (SchemaRegistryException e) {
            conflict.addSuppressed(e);
            throw conflict;
        }
    }

    @Override
    public String schemaById(int id) {
        String cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        String schema = text(call("GET", "/schemas/ids/" + id, null), "schema");
        schemasById.put(id, schema);
        return schema;
    }

    @Override
    public int idOf(String subject, String schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        int id = call("POST", "/subjects/" + segment(subject), schemaBody(schema)).path("id").asInt();
        idsBySubjectSchema.put(key, id);
        return id;
    }

    @Override
    public List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        call("GET", "/subjects/" + segment(subject) + "/versions", null).forEach(v -> versions.add(v.asInt()));
        return List.copyOf(versions);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode answer = call("GET", "/subjects/" + segment(subject) + "/versions/latest", null);
        return new RegisteredSchema(text(answer, "subject"), answer.path("version").asInt(), answer.path("id").asInt(),
                text(answer, "schema"));
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        call("GET", "/subjects", null).forEach(s -> subjects.add(s.asText()));
        return List.copyOf(subjects);
    }

    /** {@inheritDoc} A subject without versions accepts any schema. */
    @Override
    public boolean isCompatible(String subject, String schema) {
        try {
            String path = "/compatibility/subjects/" + segment(subject) + "/versions/latest";
            return call("POST", path, schemaBody(schema)).path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SUBJECT_NOT_FOUND || e.errorCode() == VERSION_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public String globalCompatibility() {
        JsonNode answer = call("GET", "/config", null);
        JsonNode level = answer.hasNonNull("compatibilityLevel") ? answer.get("compatibilityLevel") : answer.path("compatibility");
        return level.asText();
    }

    @Override
    public void setGlobalCompatibility(String level) {
        call("PUT", "/config", levelBody(level));
    }

    @Override
    public void setCompatibility(String subject, String level) {
        call("PUT", "/config/" + segment(subject), levelBody(level));
    }

    /** The request body, with the schema in Avro's own JSON form; an invalid schema fails here, with 422/42201. */
    private ObjectNode schemaBody(String schema) {
        return json.createObjectNode().put("schema", AvroSchemas.normalize(schema));
    }

    private ObjectNode levelBody(String level) {
        return json.createObjectNode().put("compatibility", CompatibilityLevel.parse(level).name());
    }

    private JsonNode call(String method, String path, JsonNode body) {
        byte[] payload = body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
        int first = preferred.get();
        SchemaRegistryException failure = null;
        for (int attempt = 0; attempt <= maxRetries; attempt++) {
            if (attempt > 0) {
                pause(attempt, failure);
            }
            int index = (first + attempt) % endpoints.size();
            RegistryEndpoint endpoint = endpoints.get(index);
            String url = endpoint.baseUrl() + path;
            try {
                HttpResponse<byte[]> response = send(request(endpoint, method, url, payload));
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    preferred.set(index);
                    return parse(method, url, response.body());
                }
                failure = failure(method, url, status, response.body());
                if (status < 500) {
                    throw failure;
                }
            } catch (IOException e) {
                failure = new SchemaRegistryException(method + " " + url + " failed: " + describe(e), 0, 0, e);
            }
        }
        if (maxRetries == 0) {
            throw failure;
        }
        throw new SchemaRegistryException(failure.getMessage() + " (gave up after " + (maxRetries + 1) + " attempts)",
                failure.status(), failure.errorCode(), failure.getCause());
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(request.method() + " " + request.uri() + " interrupted", 0, 0, e);
        }
    }

    private HttpRequest request(RegistryEndpoint endpoint, String method, String url, byte[] payload) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT)
                .method(method, payload == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(payload));
        if (payload != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        if (endpoint.authorization() != null) {
            request.header("Authorization", endpoint.authorization());
        }
        return request.build();
    }

    private JsonNode parse(String method, String url, byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new SchemaRegistryException(method + " " + url + " answered with invalid JSON: " + describe(e),
                    0, 0, e);
        }
    }

    private SchemaRegistryException failure(String method, String url, int status, byte[] body) {
        int errorCode = 0;
        String message;
        try {
            JsonNode error = json.readTree(body);
            errorCode = error.path("error_code").asInt(0);
            message = error.hasNonNull("message") ? error.get("message").asText() : snippet(body);
        } catch (IOException e) {
            message = snippet(body);
        }
        String code = errorCode == 0 ? "" : " error_code " + errorCode;
        return new SchemaRegistryException(method + " " + url + " failed: HTTP " + status + code
                + (message.isEmpty() ? "" : ": " + message), status, errorCode);
    }

    private void pause(int attempt, SchemaRegistryException failure) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        long millis = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        LOG.warn("Schema registry call failed, retry {} of {} in {} ms: {}", attempt, maxRetries, millis,
                failure.getMessage());
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while retrying: " + failure.getMessage(), failure.status(),
                    failure.errorCode(), e);
        }
    }

    private static String text(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Percent-encodes one path segment (a subject name). */
    static String segment(String value) {
        return URLEncoder.encode(Objects.requireNonNull(value, "subject"), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record SubjectSchema(String subject, String schema) {
    }

    /** Settings of an {@link HttpSchemaRegistryClient}; defaults suit a registry on the same network. */
    public static final class Builder {
        private final String urls;
        private String authorization;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private int cacheCapacity = 1000;

        private Builder(String urls) {
            this.urls = urls;
        }

        /** Basic credentials for every URL, replacing any user-info in the URLs. */
        public Builder basicAuth(String user, String password) {
            this.authorization = RegistryEndpoint.basic(Objects.requireNonNull(user, "user"),
                    Objects.requireNonNull(password, "password"));
            return this;
        }

        /** Sends {@code Authorization: Bearer <token>} to every URL, replacing any user-info in the URLs. */
        public Builder bearerToken(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("bearer token is empty");
            }
            this.authorization = "Bearer " + token.strip();
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /** Time allowed for one HTTP exchange, from sending to the end of the answer. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "request timeout");
            return this;
        }

        /** Retries after the first attempt, on connection errors and 5xx only (0 = no retry). */
        public Builder maxRetries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("max retries must not be negative: " + retries);
            }
            this.maxRetries = retries;
            return this;
        }

        /** The pause before the first retry, doubled at each further retry up to {@code max}; jittered by up to 50%. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = Objects.requireNonNull(initial, "initial backoff");
            this.maxBackoff = Objects.requireNonNull(max, "max backoff");
            if (initial.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max");
            }
            return this;
        }

        /** Entries kept in each of the two caches (schemas by id, ids by subject and schema). */
        public Builder cacheCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("cache capacity must be positive: " + capacity);
            }
            this.cacheCapacity = capacity;
            return this;
        }

        public HttpSchemaRegistryClient build() {
            return new HttpSchemaRegistryClient(this);
        }

        private static Duration positive(Duration duration, String what) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(what + " must be positive: " + duration);
            }
            return duration;
        }
    }
}
