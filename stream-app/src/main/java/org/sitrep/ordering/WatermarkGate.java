package org.sitrep.ordering;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a repartition whose records already arrive in order (one upstream task, itself releasing in order) for a
 * stage that needs no reorder buffer: takes the {@link WatermarkMarkers markers} off the stream, keeps the time all
 * upstream tasks have sent up to as the released time of its {@link WatermarkStore}, and forwards the records. A
 * {@link WatermarkEmitter} reading that store at the end of the sub-topology passes the watermark on, after the
 * records the stage derived from what came before it.
 */
public final class WatermarkGate<V> implements Processor<String, V, String, V> {
    private static final Logger LOG = LoggerFactory.getLogger(WatermarkGate.class);
    private final String storeName;
    private final int upstreamTasks;
    private ProcessorContext<String, V> context;
    private WatermarkStore store;
    private UpstreamWatermarks upstream;
    private boolean warned;

    public WatermarkGate(String storeName, int upstreamTasks) {
        this.storeName = storeName;
        this.upstreamTasks = upstreamTasks;
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
        this.store = new WatermarkStore(context.getStateStore(storeName));
        this.upstream = store.load(upstreamTasks);
    }

    @Override
    public void process(Record<String, V> record) {
        if (!WatermarkMarkers.isMarker(record)) {
            context.forward(record);
            return;
        }
        int from = WatermarkMarkers.upstreamOf(record);
        if (upstream.unexpected(from) && !warned) {
            warned = true;
            LOG.warn("{}: watermark from upstream task {}, {} expected (is the partitions setting the partition count"
                + " of the topics?)", storeName, from, upstreamTasks);
        }
        if (upstream.advance(from, WatermarkMarkers.watermarkOf(record))) {
            store.saveUpstream(from, WatermarkMarkers.watermarkOf(record));
            long low = upstream.low();
            if (low > store.released()) {
                store.saveReleased(low);
            }
        }
    }
}
