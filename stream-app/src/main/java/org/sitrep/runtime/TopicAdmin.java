package org.sitrep.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.sitrep.topology.TopicSpec;

/** Creates Sitrep's topics up front (auto-creation stays off): idempotent, existing topics are left as they are. */
public final class TopicAdmin {
    private TopicAdmin() {
    }

    /** What happened to one topic. */
    public record Result(String topic, int partitions, short replicationFactor, Map<String, String> configs, boolean created) {
    }

    public static List<Result> createTopics(Admin admin, List<? extends TopicSpec<?, ?>> specs, int partitions,
                                            short replicationFactor) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<Result> results = new ArrayList<>();
            List<NewTopic> toCreate = new ArrayList<>();
            for (TopicSpec<?, ?> spec : specs) {
                boolean create = !existing.contains(spec.name());
                if (create) {
                    toCreate.add(new NewTopic(spec.name(), partitions, replicationFactor).configs(spec.configs()));
                }
                results.add(new Result(spec.name(), partitions, replicationFactor, spec.configs(), create));
            }
            for (var entry : admin.createTopics(toCreate).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka to create topics: " + e.getMessage(), e);
        }
    }
}
