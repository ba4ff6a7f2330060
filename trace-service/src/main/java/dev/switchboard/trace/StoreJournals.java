package dev.switchboard.trace;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.edge.GoalStates;
import dev.switchboard.edge.GoalStreamTopology;
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

/** {@link LocalJournals} from the edge's goal-state store, through Kafka Streams' queries. */
final class StoreJournals implements LocalJournals {
  private final StreamsBuilderFactoryBean streams;
  private final GoalStates<Journal> states;
  private final JournalHeads heads;

  StoreJournals(StreamsBuilderFactoryBean streams, EventCodec codec) {
    this.streams = streams;
    this.states = new GoalStates<>(streams, codec, Journal.class);
    this.heads = new JournalHeads(codec);
  }

  @Override
  public Optional<Journal> journal(String goalId) {
    return states.get(goalId);
  }

  @Override
  public Optional<GoalListItem> head(String goalId) {
    return readingStore(
        store -> Optional.ofNullable(heads.headOf(store.get(goalId))).map(GoalListItem::of));
  }

  @Override
  public List<GoalListItem> top(RecentGoalsQuery query) {
    return readingStore(
        store -> {
          RecentGoalsQuery.Top top = query.top();
          try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
              KeyValue<String, byte[]> goal = all.next();
              Journal head = heads.headOf(goal.value);
              if (head != null) {
                top.offer(GoalListItem.of(head));
              }
            }
          }
          return top.newestFirst();
        });
  }

  private <T> T readingStore(Function<ReadOnlyKeyValueStore<String, byte[]>, T> read) {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      throw new GoalStates.StateNotReadyException("the service is starting");
    }
    try {
      return read.apply(
          kafkaStreams.store(
              StoreQueryParameters.fromNameAndType(
                  GoalStreamTopology.STORE, QueryableStoreTypes.<String, byte[]>keyValueStore())));
    } catch (InvalidStateStoreException e) {
      throw new GoalStates.StateNotReadyException(
          "goal state is being restored or rebalanced; retry shortly");
    }
  }
}
