package org.sitrep.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.sitrep.output.JsonOutput;
import org.sitrep.schema.Incident;

/**
 * The clients of {@code GET /incidents/stream}: each new incident version that matches a client's filter is written
 * to it as a server-sent event ({@code id: <incident>/<version>}, {@code event: incident}, {@code data:} the incident
 * JSON). A comment line every {@code heartbeat} keeps proxies from closing idle streams and finds clients that left.
 * A client whose connection fails is dropped.
 */
public final class SseHub implements AutoCloseable {
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final int maxClients;
    private final ApiCounters counters;

    public SseHub(int maxClients, ApiCounters counters) {
        this.maxClients = maxClients;
        this.counters = counters;
    }

    /** One connected client; {@link #awaitClosed()} blocks its request thread until it goes. */
    final class Client {
        private final OutputStream out;
        private final IncidentFilter filter;
        private final CountDownLatch closed = new CountDownLatch(1);

        Client(OutputStream out, IncidentFilter filter) {
            this.out = out;
            this.filter = filter;
        }

        synchronized boolean write(String text) {
            if (closed.getCount() == 0) {
                return false;
            }
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return true;
            } catch (IOException e) {
                close();
                return false;
            }
        }

        void close() {
            if (clients.remove(this)) {
                counters.sseClients(-1);
            }
            closed.countDown();
        }

        void awaitClosed() throws InterruptedException {
            closed.await();
        }
    }

    /** Registers a client, or returns null when {@code maxClients} are connected. */
    Client register(OutputStream out, IncidentFilter filter) {
        synchronized (clients) {
            if (clients.size() >= maxClients) {
                return null;
            }
            Client c = new Client(out, filter);
            clients.add(c);
            counters.sseClients(1);
            return c;
        }
    }

    public int clientCount() {
        return clients.size();
    }

    /** Sends {@code incident} to every client whose filter it matches. */
    public void publish(Incident incident) {
        counters.incidentVersion();
        String event = null;
        for (Client c : clients) {
            if (!c.filter.matches(incident)) {
                continue;
            }
            if (event == null) {
                event = "id: " + incident.getIncidentId() + "/" + incident.getVersion() + "\nevent: incident\ndata: "
                    + JsonOutput.line(JsonOutput.incident(incident)) + "\n\n";
            }
            if (c.write(event)) {
                counters.sseEvent();
            }
        }
    }

    /** Writes a comment to every client; those that left are dropped. */
    public void heartbeat() {
        for (Client c : clients) {
            c.write(": keep-alive\n\n");
        }
    }

    @Override
    public void close() {
        for (Client c : clients) {
            c.close();
        }
    }
}
