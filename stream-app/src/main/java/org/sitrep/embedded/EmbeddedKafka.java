package org.sitrep.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.sitrep.runtime.Directories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * One real Kafka broker in KRaft mode (combined broker and controller), running inside this JVM on loopback ports.
 *
 * <p>It is the production {@link KafkaRaftServer} on a freshly formatted log directory, configured for a single node:
 * replication factor 1, one partition for the internal offsets and transaction topics (faster start and first
 * exactly-once commit), no automatic topic creation. Used by {@code demo}, {@code process} and the integration tests.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaRaftServer server;
    private final Path logDir;
    private final boolean deleteOnClose;
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaRaftServer server, Path logDir, boolean deleteOnClose, String bootstrapServers) {
        this.server = server;
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on a new temporary log directory that is deleted on close. */
    public static EmbeddedKafka start() {
        try {
            return start(Files.createTempDirectory("sitrep-kafka-"), true, Map.of());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a log directory for the embedded broker", e);
        }
    }

    /**
     * Starts a broker whose data lives in {@code logDir}, with {@code overrides} applied on top of the single-node
     * defaults, and waits until it answers.
     */
    public static EmbeddedKafka start(Path logDir, boolean deleteOnClose, Map<String, String> overrides) {
        long started = System.nanoTime();
        int brokerPort = freePort();
        int controllerPort = freePort();
        Properties props = singleNodeProperties(logDir, brokerPort, controllerPort);
        overrides.forEach(props::setProperty);
        KafkaRaftServer server;
        try {
            format(logDir, props);
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        } catch (RuntimeException e) {
            if (deleteOnClose) {
                Directories.deleteRecursively(logDir);
            }
            throw e;
        }
        try {
            server.startup();
        } catch (RuntimeException e) {
            new EmbeddedKafka(server, logDir, deleteOnClose, "").close();
            throw e;
        }
        String bootstrap = "127.0.0.1:" + brokerPort;
        EmbeddedKafka kafka = new EmbeddedKafka(server, logDir, deleteOnClose, bootstrap);
        try {
            kafka.awaitReady(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        LOG.info("Kafka broker ready at {} in {} ms", bootstrap, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return kafka;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("embedded broker did not shut down cleanly", e);
        }
        if (deleteOnClose) {
            Directories.deleteRecursively(logDir);
        }
    }

    private static Properties singleNodeProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // The default 128 MB dedupe buffer dominates the heap of a small broker.
        p.setProperty("log.cleaner.dedupe.buffer.size", "2097152");
        p.setProperty("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        return p;
    }

    private static void format(Path logDir, Properties props) {
        try {
            Path config = Files.createTempFile("sitrep-kafka-", ".properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "Sitrep embedded broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int rc;
            try (PrintStream ps = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                rc = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                    "--config", config.toString(), "--ignore-formatted"}, ps);
            } finally {
                Files.deleteIfExists(config);
            }
            if (rc != 0) {
                throw new IllegalStateException("formatting " + logDir + " failed: " + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot format the embedded broker's log directory " + logDir, e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the embedded broker", e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("embedded broker at " + bootstrapServers + " not ready after " + timeout);
                }
                sleep(100);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }
}
