package dev.switchboard.edge;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.TopicNames;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The one topology every stateful service runs: its input topics into its {@link GoalProcessor},
 * with the per-goal state in a changelogged store, and out to whichever topic each event belongs.
 */
public final class GoalStreamTopology {
  /** Name of the per-goal state store (its changelog topic is named after it). */
  public static final String STORE = "goal-state";

  private GoalStreamTopology() {}

  public static <S> void addTo(
      StreamsBuilder builder,
      GoalProcessor<S> logic,
      TopicNames names,
      EventCodec codec,
      String consumerName) {
    List<String> inputs = logic.inputs().stream().map(names::of).toList();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray()));
    Serde<Outgoing> outgoing =
        Serdes.serdeFrom(
            new Outgoing.PayloadSerializer(),
            (topic, bytes) -> {
              throw new UnsupportedOperationException("outgoing records are never read back");
            });
    builder.stream(inputs, Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .process(() -> new GoalEventProcessor<>(logic, names, codec, consumerName), STORE)
        .to((key, value, context) -> value.topic(), Produced.with(Serdes.String(), outgoing));
  }
}
