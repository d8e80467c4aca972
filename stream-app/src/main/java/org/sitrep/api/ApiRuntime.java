package org.sitrep.api;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import org.apache.kafka.streams.state.HostInfo;
import org.sitrep.config.SitrepConfig;
import org.sitrep.runtime.IncidentSubscription;
import org.sitrep.runtime.SitrepStreams;
import org.sitrep.topology.SitrepSerdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the HTTP API into a running instance, in the order Kafka Streams needs: {@link #bind} the port, put the
 * advertised address into the config ({@link #advertise}, it becomes {@code application.server}), build and start
 * the streams app, then {@link #attach} it: queries go to its stores and a consumer of {@code news.incidents} (from
 * now) feeds the server-sent event clients.
 */
public final class ApiRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRuntime.class);

    private final ApiServer server;
    private volatile IncidentSubscription feed;

    private ApiRuntime(ApiServer server) {
        this.server = server;
    }

    public static ApiRuntime bind(InetSocketAddress address) {
        return new ApiRuntime(ApiServer.start(address, new ApiCounters()));
    }

    public int port() {
        return server.port();
    }

    public ApiServer server() {
        return server;
    }

    /**
     * {@code config} with {@code advertised-http-url} set: kept when given, else {@code http://<host>:<bound port>},
     * {@code host} being {@code defaultHost} or, when null, this machine's address (in Kubernetes, the pod's IP).
     */
    public SitrepConfig advertise(SitrepConfig config, String defaultHost) {
        if (config.advertisedHttpUrl() != null) {
            return config;
        }
        String host = defaultHost;
        if (host == null) {
            try {
                host = InetAddress.getLocalHost().getHostAddress();
            } catch (UnknownHostException e) {
                host = "127.0.0.1";
            }
        }
        return config.withAdvertisedHttpUrl("http://" + host + ":" + port());
    }

    /** Answers queries from {@code streams} and starts feeding the event stream. */
    public void attach(SitrepStreams streams, SitrepConfig config, SitrepSerdes serdes) {
        HostInfo self = HostInfo.buildFromEndpoint(SitrepConfig.hostPort(config.advertisedHttpUrl()));
        ApiGuard guard = ApiGuard.of(config.api().readToken(), config.api().rateLimit());
        server.guard(guard).attach(new StreamsBackend(streams.kafkaStreams(), streams.topology(), self,
            server.counters(), guard.forwardingToken()));
        try {
            feed = IncidentSubscription.start(config.clientProperties(), IncidentSubscription.Start.now(),
                serdes.incident(), server::publish);
        } catch (RuntimeException e) {
            LOG.warn("no live event stream at /incidents/stream: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        server.close();
        IncidentSubscription f = feed;
        if (f != null) {
            f.close();
        }
    }
}
