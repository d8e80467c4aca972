package org.sitrep.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sitrep.registry.HttpSchemaRegistryClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apicurio Registry (2.6.x, in-memory storage) run as a child process on a free loopback port, speaking the
 * Confluent API at {@link #url()}. Its global compatibility is set to BACKWARD, Confluent's default (Apicurio's is
 * NONE).
 *
 * <p>The child's output goes to {@link #logFile()}, and also to this class's logger when {@code verbose}. A JVM shutdown
 * hook stops the child if {@link #close()} was not called.
 *
 * <p>Measured here (2 cores, JDK 17, 5 starts): ready 3.4-4.1 s after launch, 205-240 MB resident (heap capped at
 * 256 MB), and {@link #close()} returns within 0.1 s of SIGTERM.
 */
public final class EmbeddedRegistry implements AutoCloseable {
    /** The Confluent-compatible API under the registry's root. */
    public static final String CCOMPAT_PATH = "/apis/ccompat/v7";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRegistry.class);
    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int LOG_TAIL_LINES = 40;
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Duration startupTime;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedRegistry(Process process, int port, Path logFile, Duration startupTime, Thread shutdownHook) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.startupTime = startupTime;
        this.shutdownHook = shutdownHook;
    }

    /** Starts Apicurio from its unpacked directory (see {@link ApicurioHome#locate()}) and waits until it answers. */
    public static EmbeddedRegistry start(Path apicurioHome, boolean verbose) {
        return start(apicurioHome, verbose, DEFAULT_START_TIMEOUT);
    }

    /**
     * As {@link #start(Path, boolean)}, waiting at most {@code timeout} for the registry to answer.
     *
     * @throws IllegalStateException if it cannot be launched, exits, or does not answer in time; the message holds the
     *                               end of its log
     */
    public static EmbeddedRegistry start(Path apicurioHome, boolean verbose, Duration timeout) {
        Path jar = ApicurioHome.runnerJar(apicurioHome).orElseThrow(() -> new IllegalStateException(
                "No Apicurio *-runner.jar in " + apicurioHome.toAbsolutePath()));
        Path workDir = createWorkDir();
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return launch(jar, workDir, verbose, timeout, freePort(), List.of());
            } catch (PortTakenException e) {
                failure = e;
                LOG.info("Apicurio could not bind its port, trying another one ({})", e.getMessage());
            }
        }
        throw failure;
    }

    /**
     * Starts Apicurio on a fixed loopback {@code port}, keeping its storage in an H2 database file under
     * {@code dataDir}: stopped and started again with the same port and directory, it is the same registry (same
     * subjects and ids), as a real registry is after a restart. For fault tests.
     */
    public static EmbeddedRegistry startPersistent(Path apicurioHome, int port, Path dataDir, Duration timeout) {
        Path jar = ApicurioHome.runnerJar(apicurioHome).orElseThrow(() -> new IllegalStateException(
                "No Apicurio *-runner.jar in " + apicurioHome.toAbsolutePath()));
        String jdbc = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry") + ";DB_CLOSE_ON_EXIT=FALSE";
        return launch(jar, createWorkDir(), false, timeout, port, List.of("-Dquarkus.datasource.jdbc.url=" + jdbc));
    }

    /** The base URL of the Confluent-compatible API, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    public String url() {
        return "http://127.0.0.1:" + port + CCOMPAT_PATH;
    }

    public int port() {
        return port;
    }

    /** The child's stdout and stderr. It stays after {@link #close()}, for diagnosis. */
    public Path logFile() {
        return logFile;
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** Time from launching the child until its API answered. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Whether the child process is still running. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops the child: SIGTERM, then a forced kill if it has not ended within 10 s. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stop(process);
            removeHook(shutdownHook);
        }
    }

    private static EmbeddedRegistry launch(Path jar, Path workDir, boolean verbose, Duration timeout, int port,
                                           List<String> extraProperties) {
        Path logFile = workDir.resolve("apicurio-" + port + ".log");
        long started = System.nanoTime();
        List<String> command = command(jar, port);
        command.addAll(1, extraProperties);
        Process process = spawn(command, workDir, logFile, verbose);
        Thread hook = new Thread(() -> stop(process), "apicurio-registry-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            awaitReady(process, port, logFile, timeout);
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            EmbeddedRegistry registry = new EmbeddedRegistry(process, port, logFile, startup, hook);
            new HttpSchemaRegistryClient(registry.url()).setGlobalCompatibility("BACKWARD");
            LOG.info("Apicurio Registry ready at {} in {} ms (pid {}, {} MB resident); log: {}", registry.url(),
                    startup.toMillis(), process.pid(), residentMegabytes(process.pid()), logFile);
            return registry;
        } catch (RuntimeException e) {
            stop(process);
            removeHook(hook);
            throw e;
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                LOG.warn("Apicurio (pid {}) ignored SIGTERM for 10 s, killing it", process.pid());
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway, and stopping twice is harmless
        }
    }

    private static List<String> command(Path jar, int port) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.log.console.color=false");
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return command;
    }

    private static Process spawn(List<String> command, Path workDir, Path logFile, boolean verbose) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        if (!verbose) {
            builder.redirectOutput(logFile.toFile());
        }
        try {
            Process process = builder.start();
            if (verbose) {
                echo(process.getInputStream(), logFile);
            }
            return process;
        } catch (IOException e) {
            throw new IllegalStateException("Could not launch Apicurio: " + String.join(" ", command), e);
        }
    }

    /** Copies the child's output to the log file and to the logger, on a daemon thread. */
    private static void echo(InputStream output, Path logFile) {
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                    OutputStream file = Files.newOutputStream(logFile, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    file.write((line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
                    file.flush();
                    LOG.info("[apicurio] {}", line);
                }
            } catch (IOException e) {
                LOG.debug("Stopped echoing Apicurio's output", e);
            }
        }, "apicurio-output");
        pump.setDaemon(true);
        pump.start();
    }

    private static void awaitReady(Process process, int port, Path logFile, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CCOMPAT_PATH + "/subjects"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = tail(logFile);
                String message = "Apicurio exited with code " + process.exitValue() + " before answering on port "
                        + port + "; end of " + logFile + ":\n" + tail;
                throw tail.contains("already in use") || tail.contains("Port already bound")
                        ? new PortTakenException(message)
                        : new IllegalStateException(message);
            }
            if (answers(http, probe)) {
                return;
            }
            sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException("Apicurio did not answer on port " + port + " within " + timeout.toSeconds()
                + " s; end of " + logFile + ":\n" + tail(logFile));
    }

    private static boolean answers(HttpClient http, HttpRequest probe) {
        try {
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Apicurio", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("sitrep-apicurio-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a work directory for Apicurio", e);
        }
    }

    static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Resident memory of a process in MB, from /proc on Linux; -1 elsewhere. */
    static long residentMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** Whether something accepts connections on {@code port} of the loopback address. */
    static boolean accepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Apicurio", e);
        }
    }

    /** The child could not bind the port it was given: another process took it meanwhile. */
    private static final class PortTakenException extends IllegalStateException {
        PortTakenException(String message) {
            super(message);
        }
    }
}
