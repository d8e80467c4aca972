package org.sitrep.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.sitrep.config.SitrepConfig;
import org.sitrep.registry.AvroSerde;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.schema.DeadLetter;
import org.sitrep.topology.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' error handler for records that cannot be read (garbage bytes, unknown schema id) or that a processor
 * rejects (invalid article, extractor failure): each becomes an Avro {@link DeadLetter} on {@code news.dlq}, written in
 * the same transaction as the task's output, and processing resumes. No record is dropped silently and no stream
 * thread dies of bad input.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    /** Streams config key under which a running app passes its own dead-letter serde to the handlers. */
    public static final String SERDE_CONFIG = "sitrep.dead.letter.serde";

    private AvroSerde<DeadLetter> serde;

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs) {
        if (configs.get(SERDE_CONFIG) instanceof AvroSerde<?> shared) {
            serde = (AvroSerde<DeadLetter>) shared;
            return;
        }
        Object url = configs.get(SitrepConfig.REGISTRY_URL_KEY);
        if (url == null) {
            throw new IllegalStateException(SitrepConfig.REGISTRY_URL_KEY + " is not set");
        }
        Map<String, String> registryConfig = new HashMap<>();
        configs.forEach((k, v) -> {
            if (k.startsWith(SitrepConfig.REGISTRY_PREFIX) && !k.equals(SitrepConfig.REGISTRY_URL_KEY) && v != null) {
                registryConfig.put(k.substring(SitrepConfig.REGISTRY_PREFIX.length()), v.toString());
            }
        });
        serde = AvroSerde.forValues(SchemaRegistryClients.create(url.toString(), registryConfig), DeadLetter.getClassSchema());
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record,
                                                                Exception exception) {
        if (DeadLetters.isInfrastructureFailure(exception)) {
            LOG.error("cannot read {}[{}]@{} because a service is failing; stopping rather than dead-lettering good data",
                record.topic(), record.partition(), record.offset(), exception);
            return DeserializationExceptionHandler.Response.fail();
        }
        DeadLetter letter = DeadLetters.of(record.topic(), record.partition(), record.offset(), record.key(),
            record.value(), "deserialize", exception, Instant.now());
        return toProducerRecord(letter, record.key())
            .map(r -> DeserializationExceptionHandler.Response.resume(List.of(r)))
            .orElseGet(DeserializationExceptionHandler.Response::fail);
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        if (DeadLetters.isInfrastructureFailure(exception)) {
            LOG.error("processing {}[{}]@{} failed because a service is failing; stopping rather than dead-lettering "
                + "good data", context.topic(), context.partition(), context.offset(), exception);
            return ProcessingExceptionHandler.Response.fail();
        }
        DeadLetter letter = DeadLetters.of(context.topic(), context.partition(), context.offset(),
            context.sourceRawKey(), context.sourceRawValue(), DeadLetters.stageOf(context.processorNodeId()),
            exception, Instant.now());
        return toProducerRecord(letter, DeadLetters.articleKey(record, context.sourceRawKey()))
            .map(r -> ProcessingExceptionHandler.Response.resume(List.of(r)))
            .orElseGet(ProcessingExceptionHandler.Response::fail);
    }

    /** The dead-letter record, or empty when it cannot be written (then the task fails rather than lose the record). */
    private Optional<ProducerRecord<byte[], byte[]>> toProducerRecord(DeadLetter letter, byte[] key) {
        LOG.warn("dead letter from {}[{}]@{} in stage {}: {}", letter.getSourceTopic(), letter.getPartition(),
            letter.getOffset(), letter.getStage(), letter.getReason());
        byte[] keyBytes = key == null ? null : printableKey(key);
        try {
            return Optional.of(new ProducerRecord<>(Topics.DLQ, keyBytes, serde.serialize(Topics.DLQ, letter)));
        } catch (RuntimeException e) {
            LOG.error("cannot write the dead letter for {}[{}]@{}", letter.getSourceTopic(), letter.getPartition(),
                letter.getOffset(), e);
            return Optional.empty();
        }
    }

    /** The DLQ's keys are strings: a key that is not valid UTF-8 is replaced by a marker (its bytes stay in the value). */
    private static byte[] printableKey(byte[] key) {
        String s = new String(key, StandardCharsets.UTF_8);
        return s.indexOf('\uFFFD') >= 0 ? "<binary key>".getBytes(StandardCharsets.UTF_8) : key;
    }
}
