package dev.switchboard.edge;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.TopicNames;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The one topology every stateful service runs: its input topics and its own effect-results topic
 * into its {@link GoalProcessor}, with the per-goal state and the due timers in changelogged
 * stores, and out to whichever topic each event or intent belongs.
 */
public final class GoalStreamTopology {
  /** Name of the per-goal state store (its changelog topic is named after it). */
  public static final String STORE = "goal-state";

  /** Name of the store of due timers, ordered by due time. */
  public static final String TIMER_STORE = "goal-timers";

  private GoalStreamTopology() {}

  static <S> void addTo(
      StreamsBuilder builder,
      GoalProcessor<S> logic,
      TopicNames names,
      EventCodec codec,
      String applicationId,
      GoalStoreSupplier stores,
      EffectHandlers handlers,
      EffectsProperties effects,
      RetentionProperties retention,
      GoalTracing tracing,
      Clock clock,
      RecordGate gate) {
    EffectTopics effectTopics = EffectTopics.of(applicationId);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(stores.get(STORE), Serdes.String(), Serdes.ByteArray()));
    // Timers on disk too: every ended goal has one (its tombstone's end) for a day by default.
    // RocksDB orders keys by their bytes as the in-memory store did, so the order is due order.
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(TIMER_STORE), Serdes.String(), Serdes.ByteArray()));
    Serde<Outgoing> outgoing =
        Serdes.serdeFrom(
            new Outgoing.PayloadSerializer(),
            (topic, bytes) -> {
              throw new UnsupportedOperationException("outgoing records are never read back");
            });
    Consumed<String, byte[]> consumed = Consumed.with(Serdes.String(), Serdes.ByteArray());
    inputStream(builder, logic, names, gate)
        .merge(builder.stream(effectTopics.results(), consumed))
        .process(
            () ->
                new GoalEventProcessor<>(
                    logic,
                    names,
                    codec,
                    applicationId,
                    effectTopics,
                    handlers,
                    effects,
                    retention,
                    tracing,
                    clock,
                    gate),
            STORE,
            TIMER_STORE)
        .to((key, value, context) -> value.topic(), Produced.with(Serdes.String(), outgoing));
  }

  /**
   * Switchboard's own topics are written with Kafka's Java partitioner, so a goal's events share a
   * partition number on every topic. Outside producers may partition differently (librdkafka's
   * default hashes keys with CRC32), so their topics are re-keyed through one internal topic first;
   * the record's origin travels in headers for its dead letter. Each is size-checked before it is
   * re-keyed: the re-keying topic would refuse what is too large, and stop the partition.
   */
  private static KStream<String, byte[]> inputStream(
      StreamsBuilder builder, GoalProcessor<?> logic, TopicNames names, RecordGate gate) {
    Consumed<String, byte[]> consumed = Consumed.with(Serdes.String(), Serdes.ByteArray());
    List<String> internal = namesOf(logic, names, false);
    List<String> outside = namesOf(logic, names, true);
    KStream<String, byte[]> outsideStream =
        outside.isEmpty()
            ? null
            : builder.stream(outside, consumed)
                .process(() -> new RecordOrigin.Stamp(gate))
                .repartition(
                    Repartitioned.<String, byte[]>as(RecordOrigin.REPARTITION_NAME)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.ByteArray()));
    if (internal.isEmpty()) {
      return outsideStream;
    }
    KStream<String, byte[]> internalStream = builder.stream(internal, consumed);
    return outsideStream == null ? internalStream : internalStream.merge(outsideStream);
  }

  private static List<String> namesOf(GoalProcessor<?> logic, TopicNames names, boolean outside) {
    return logic.inputs().stream()
        .filter(topic -> (topic.writer() == Service.GOAL_PRODUCERS) == outside)
        .map(names::of)
        .toList();
  }
}
