package org.sitrep.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.sitrep.alerts.WebhookDelivery;
import org.sitrep.alerts.WebhookSink;
import org.sitrep.config.SitrepConfig;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.topology.SitrepSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sitrep alerts-webhook}: POSTs every alert on {@code news.alerts} to a webhook, signed with HMAC-SHA256,
 * retried with backoff, dead-lettered after the last attempt. Settings: {@code webhook-url}, {@code webhook-secret}
 * (give it through the environment, {@code SITREP_WEBHOOK_SECRET}, or a config file, not on the command line) and
 * {@code webhook-max-attempts}.
 */
@Command(name = "alerts-webhook", mixinStandardHelpOptions = true,
    description = "POST alerts from news.alerts to a webhook (HMAC-signed, retried, dead-lettered after the last attempt).")
public final class AlertsWebhookCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--verbose", description = "Show Kafka client logs.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Logging.configureService(verbose);
        SitrepConfig config = options.load();
        PrintWriter out = spec.commandLine().getOut();
        SitrepConfig.WebhookConfig webhook = config.webhook();
        if (webhook.url().isEmpty() || webhook.secret().isEmpty()) {
            spec.commandLine().getErr().println("alerts-webhook needs the settings webhook-url and webhook-secret "
                + "(e.g. SITREP_WEBHOOK_URL and SITREP_WEBHOOK_SECRET)");
            return 2;
        }
        var serdes = new SitrepSerdes(SchemaRegistryClients.create(config.schemaRegistryUrl(), config.registry()));
        WebhookDelivery delivery = new WebhookDelivery(URI.create(webhook.url()), webhook.secret(),
            webhook.maxAttempts(), Duration.ofMillis(500), Duration.ofSeconds(30), d -> Thread.sleep(d.toMillis()));
        try (WebhookSink sink = new WebhookSink(config.clientProperties(), config.applicationId(), serdes.alert(),
            serdes.deadLetter(), delivery, line -> {
                out.println("alerts-webhook: " + line);
                out.flush();
            })) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sink.stop();
                try {
                    main.join(15_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "sitrep-webhook-shutdown"));
            out.printf("alerts-webhook: %s -> %s%n", org.sitrep.topology.Topics.ALERTS, Logging.redact(webhook.url()));
            out.flush();
            sink.run();
        }
        return 0;
    }
}
