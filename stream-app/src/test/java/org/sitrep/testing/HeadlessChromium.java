package org.sitrep.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol with the JDK's WebSocket client: navigate, evaluate
 * JavaScript, wait for a condition, screenshot. Chromium's own {@code --dump-dom --virtual-time-budget} cannot be
 * used on a page holding an {@code EventSource} open: virtual time stops while a request is pending, so it never
 * dumps. One browser, one page, one user-data directory of its own, removed on {@link #close}.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    private final List<String> console = java.util.Collections.synchronizedList(new ArrayList<>());

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The Chromium binary: {@code SITREP_CHROMIUM} or {@code chromium} / {@code chromium-browser} on the usual paths. */
    public static Optional<Path> binary() {
        String env = System.getenv("SITREP_CHROMIUM");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env)).filter(Files::isExecutable);
        }
        return Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium")
            .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Starts the browser with a page of {@code width} x {@code height} CSS pixels. */
    public static HeadlessChromium start(Path binary, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("sitrep-chromium-");
        Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
            "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=" + width + "," + height,
            "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String browserWs = awaitEndpoint(p);
            // the page target: /json/list on the same port
            URI base = URI.create(browserWs.replace("ws://", "http://"));
            HttpClient http = HttpClient.newHttpClient();
            String pageWs = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (pageWs == null && System.nanoTime() < deadline) {
                var r = http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/json/list")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
                for (JsonNode t : JSON.readTree(r.body())) {
                    if (t.path("type").asText().equals("page")) {
                        pageWs = t.get("webSocketDebuggerUrl").asText();
                        break;
                    }
                }
                if (pageWs == null) {
                    Thread.sleep(200);
                }
            }
            if (pageWs == null) {
                throw new IOException("Chromium opened no page");
            }
            HeadlessChromium[] self = new HeadlessChromium[1];
            Listener listener = new Listener(self);
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(pageWs), listener).join();
            self[0] = new HeadlessChromium(p, profile, ws);
            self[0].call("Runtime.enable", null);
            self[0].call("Page.enable", null);
            ObjectNode metrics = JSON.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false);
            self[0].call("Emulation.setDeviceMetricsOverride", metrics);
            return self[0];
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.destroyForcibly();
            deleteTree(profile);
            throw e;
        }
    }

    private static String awaitEndpoint(Process p) throws IOException {
        CompletableFuture<String> found = new CompletableFuture<>();
        StringBuilder seen = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        found.complete(m.group(1));
                    } else if (!found.isDone() && seen.length() < 4000) {
                        seen.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the browser went away
            }
            found.complete(null);
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            String ws = found.get(60, TimeUnit.SECONDS);
            if (ws == null) {
                throw new IOException("Chromium exited without a DevTools endpoint:\n" + seen);
            }
            return ws;
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new IOException("no DevTools endpoint from Chromium within 60 s:\n" + seen, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** One DevTools command; its {@code result}, or an exception with the protocol's error. */
    public JsonNode call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        calls.put(id, answer);
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            msg.set("params", params);
        }
        socket.sendText(msg.toString(), true).join();
        try {
            JsonNode r = answer.get(60, TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IllegalStateException(method + ": " + r.get("error"));
            }
            return r.get("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " unanswered", e);
        } finally {
            calls.remove(id);
        }
    }

    /** Opens {@code url} and waits for its load event. */
    public void navigate(String url) throws InterruptedException {
        call("Page.navigate", JSON.createObjectNode().put("url", url));
        await("the page to load", "location.href === " + JSON.valueToTree(url) + " && document.readyState === 'complete'",
            Duration.ofSeconds(60));
    }

    /** The value of a JavaScript expression (promises awaited), as JSON. */
    public JsonNode eval(String expression) {
        JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
            .put("awaitPromise", true).put("returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript threw: " + r.get("exceptionDetails"));
        }
        JsonNode v = r.path("result").get("value");
        return v == null ? JSON.nullNode() : v;
    }

    /** Waits until {@code expression} is truthy; fails with {@code what} and the page's console after {@code timeout}. */
    public void await(String what, String expression, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode v = eval("(() => { try { return !!(" + expression + "); } catch (e) { return false; } })()");
            if (v.asBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + " (" + expression + "); console: " + console);
            }
            Thread.sleep(200);
        }
    }

    /** The page's serialised DOM. */
    public String dom() {
        return eval("document.documentElement.outerHTML").asText();
    }

    /** A PNG of the page as it is now. */
    public void screenshot(Path file) throws IOException {
        JsonNode r = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
    }

    /** Console messages and uncaught exceptions seen so far. */
    public List<String> console() {
        synchronized (console) {
            return List.copyOf(console);
        }
    }

    private void onMessage(String text) {
        try {
            JsonNode m = JSON.readTree(text);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = calls.get(m.get("id").asInt());
                if (f != null) {
                    f.complete(m);
                }
            } else if ("Runtime.consoleAPICalled".equals(m.path("method").asText())) {
                StringBuilder s = new StringBuilder(m.path("params").path("type").asText()).append(':');
                m.path("params").path("args").forEach(a -> s.append(' ').append(a.path("value").asText(a.path("description").asText())));
                console.add(s.toString());
            } else if ("Runtime.exceptionThrown".equals(m.path("method").asText())) {
                console.add("exception: " + m.path("params").path("exceptionDetails").path("exception").path("description").asText(
                    m.path("params").path("exceptionDetails").path("text").asText()));
            }
        } catch (IOException e) {
            console.add("unreadable DevTools message: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        } catch (RuntimeException ignored) {
            // closing anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind
        }
    }

    /** Collects a message's fragments and hands whole messages to the browser object. */
    private static final class Listener implements WebSocket.Listener {
        private final HeadlessChromium[] owner;
        private final StringBuilder buffer = new StringBuilder();

        Listener(HeadlessChromium[] owner) {
            this.owner = owner;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                if (owner[0] != null) {
                    owner[0].onMessage(text);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
