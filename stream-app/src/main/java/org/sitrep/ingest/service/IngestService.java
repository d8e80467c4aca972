package org.sitrep.ingest.service;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.sitrep.ingest.ArticleSource;
import org.sitrep.ingest.ArticleValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-lived ingest service: every feed polled at its interval, the watched directory scanned at its interval,
 * and {@code POST /articles} served, all into one {@link ArticleSink}. A failed poll or scan is reported and tried
 * again at the next tick; it never stops the others.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final List<FeedPoller> pollers = new ArrayList<>();
    private final InboxWatcher watcher;
    private final ArticleSink sink;
    private final ArticleValidator validator;
    private final Clock clock;
    private final Consumer<String> report;
    private ScheduledExecutorService scheduler;
    private PushServer push;

    public IngestService(IngestConfig config, int maxBodyChars, ArticleSink sink, Clock clock, Consumer<String> report) {
        this.config = config;
        this.sink = sink;
        this.clock = clock;
        this.report = report;
        this.validator = new ArticleValidator(maxBodyChars, clock);
        SafeFetcher fetcher = new SafeFetcher(config.allowedHosts(), config.fetch());
        for (IngestConfig.Feed feed : config.feeds()) {
            pollers.add(new FeedPoller(feed, fetcher, validator, sink, config.stateDir(), config.seenWindow(),
                config.fetch().maxBytes(), clock));
        }
        this.watcher = config.watch() == null ? null
            : new InboxWatcher(config.watch().dir(), config.watch().settle(), new ArticleSource(validator), sink, clock);
    }

    /** Polls every feed and scans the directory once, in this thread; returns how many polls or scans failed. */
    public int runOnce() {
        int failures = 0;
        for (FeedPoller p : pollers) {
            failures += pollQuietly(p) ? 0 : 1;
        }
        if (watcher != null) {
            failures += scanQuietly() ? 0 : 1;
        }
        return failures;
    }

    /** Starts the schedules and the push server (when configured); returns at once. */
    public synchronized void start() throws IOException {
        if (config.push() != null) {
            push = new PushServer(config.push(), validator, sink, clock);
            report.accept("push: POST http://" + config.push().bind() + ":" + push.port() + PushServer.PATH);
        }
        scheduler = Executors.newScheduledThreadPool(Math.min(4, pollers.size() + 1), r -> {
            Thread t = new Thread(r, "sitrep-ingest");
            t.setDaemon(true);
            return t;
        });
        long i = 0;
        for (FeedPoller p : pollers) {
            long every = config.feeds().get((int) i).pollInterval().toMillis();
            // Spread first polls a little so that many feeds do not all start at once.
            scheduler.scheduleWithFixedDelay(() -> pollQuietly(p), i * 500, every, TimeUnit.MILLISECONDS);
            report.accept("feed: " + p.url() + " every " + config.feeds().get((int) i).pollInterval());
            i++;
        }
        if (watcher != null) {
            scheduler.scheduleWithFixedDelay(this::scanQuietly, 0, config.watch().interval().toMillis(), TimeUnit.MILLISECONDS);
            report.accept("watch: " + watcher.dir() + " every " + config.watch().interval());
        }
    }

    /** The push server's port, once started (0 when push is off). */
    public int pushPort() {
        return push == null ? 0 : push.port();
    }

    private boolean pollQuietly(FeedPoller p) {
        try {
            FeedPoller.Result r = p.poll();
            if (r.notModified()) {
                LOG.info("feed {}: not modified", p.url());
            } else if (r.published() + r.rejected() > 0) {
                report.accept("feed " + p.url() + ": " + r.published() + " published, " + r.rejected() + " rejected, "
                    + r.skipped() + " already seen");
            }
            return true;
        } catch (IOException | RuntimeException e) {
            report.accept("feed " + p.url() + ": poll failed: " + e.getMessage());
            return false;
        }
    }

    private boolean scanQuietly() {
        try {
            InboxWatcher.Result r = watcher.scan();
            if (r.files() > 0) {
                report.accept("watch: " + r.files() + " file(s), " + r.published() + " published, " + r.rejected() + " rejected");
            }
            return true;
        } catch (IOException | RuntimeException e) {
            report.accept("watch " + watcher.dir() + ": scan failed: " + e.getMessage());
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (push != null) {
            push.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
