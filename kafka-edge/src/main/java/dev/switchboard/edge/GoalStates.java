package dev.switchboard.edge;

import dev.switchboard.contracts.EventCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Read access to the per-goal state this instance holds, for a service's HTTP API. Each instance
 * answers for the partitions it owns.
 */
public final class GoalStates<S> {
  private final StreamsBuilderFactoryBean streams;
  private final GoalStateCodec<S> codec;

  public GoalStates(StreamsBuilderFactoryBean streams, EventCodec eventCodec, Class<S> stateType) {
    this.streams = streams;
    this.codec = new GoalStateCodec<>(eventCodec, stateType);
  }

  public Optional<S> get(String goalId) {
    return readingStore(
        store -> Optional.ofNullable(store.get(goalId)).map(bytes -> codec.decode(bytes).state()));
  }

  public List<S> all() {
    return readingStore(
        store -> {
          List<S> states = new ArrayList<>();
          try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
              KeyValue<String, byte[]> entry = it.next();
              S state = codec.decode(entry.value).state();
              if (state != null) {
                states.add(state);
              }
            }
          }
          return states;
        });
  }

  /** Opening the store and reading it both fail while partitions move; either is a retry. */
  private <T> T readingStore(Function<ReadOnlyKeyValueStore<String, byte[]>, T> read) {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      throw new StateNotReadyException("the service is starting");
    }
    try {
      return read.apply(
          kafkaStreams.store(
              StoreQueryParameters.fromNameAndType(
                  GoalStreamTopology.STORE, QueryableStoreTypes.<String, byte[]>keyValueStore())));
    } catch (InvalidStateStoreException e) {
      throw new StateNotReadyException("goal state is being restored or rebalanced; retry shortly");
    }
  }

  /** The state cannot be read right now (start-up, rebalance); HTTP callers get a 503. */
  public static final class StateNotReadyException extends RuntimeException {
    public StateNotReadyException(String message) {
      super(message);
    }
  }
}
