package dev.switchboard.edge;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.MalformedEventException;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.SwitchboardEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka Streams adapter around a {@link GoalProcessor}: decode, skip what was applied already,
 * decide, then store the new state and forward the emitted events in the same transaction. A record
 * it cannot take goes to its topic's dead-letter topic with the reason; the next record is
 * processed as usual.
 */
final class GoalEventProcessor<S> implements Processor<String, byte[], String, Outgoing> {
  private static final Logger log = LoggerFactory.getLogger(GoalEventProcessor.class);

  private final GoalProcessor<S> logic;
  private final TopicNames names;
  private final EventCodec codec;
  private final GoalStateCodec<S> states;
  private final String consumerName;
  private ProcessorContext<String, Outgoing> context;
  private KeyValueStore<String, byte[]> store;

  GoalEventProcessor(
      GoalProcessor<S> logic, TopicNames names, EventCodec codec, String consumerName) {
    this.logic = logic;
    this.names = names;
    this.codec = codec;
    this.states = new GoalStateCodec<>(codec, logic.stateType());
    this.consumerName = consumerName;
  }

  @Override
  public void init(ProcessorContext<String, Outgoing> context) {
    this.context = context;
    this.store = context.getStateStore(GoalStreamTopology.STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    RecordOrigin source = RecordOrigin.of(context.recordMetadata().orElseThrow(), record.headers());
    RecordOrigin.unstamp(record.headers());
    try {
      Topic<?> topic =
          names
              .topicNamed(source.topic())
              .orElseThrow(() -> new MalformedEventException("not a catalog topic"));
      SwitchboardEvent event = codec.decode(topic, record.value());
      if (!event.goalId().equals(record.key())) {
        throw new MalformedEventException(
            "record key '" + record.key() + "' must equal the goalId '" + event.goalId() + "'");
      }
      apply(event, record);
    } catch (MalformedEventException e) {
      deadLetter(record, source, e.getMessage());
    } catch (RuntimeException e) {
      // A bug or an event the logic cannot take: park it with the reason rather than stop the
      // partition for every other goal.
      log.error("{} could not process a record from {}", consumerName, source.topic(), e);
      deadLetter(record, source, "processing failed: " + e);
    }
  }

  private void apply(SwitchboardEvent event, Record<String, byte[]> record) {
    StoredGoal<S> stored = states.decode(store.get(event.goalId()));
    if (stored.hasApplied(event.eventId())) {
      log.debug(
          "{} skips event {} of goal {}: applied already",
          consumerName,
          event.eventId(),
          event.goalId());
      return;
    }
    Decision<S> decision = logic.decide(stored.state(), event, EventContext.of(record.headers()));
    List<Record<String, Outgoing>> out = new ArrayList<>();
    for (SwitchboardEvent emitted : decision.emit()) {
      Topic<?> target = Topics.toWrite(emitted, logic.service());
      out.add(
          new Record<>(
              emitted.goalId(),
              new Outgoing(names.of(target), codec.encode(emitted)),
              emitted.occurredAt().toEpochMilli(),
              EventHeaders.of(emitted, logic.service(), record.headers())));
    }
    store.put(event.goalId(), states.encode(stored.next(decision.state(), event.eventId())));
    out.forEach(context::forward);
  }

  private void deadLetter(Record<String, byte[]> record, RecordOrigin source, String reason) {
    log.warn(
        "{} sent {}-{}@{} to the dead-letter topic: {}",
        consumerName,
        source.topic(),
        source.partition(),
        source.offset(),
        reason);
    String deadLetterTopic = source.topic() + TopicNames.DLQ_SUFFIX;
    context.forward(
        new Record<>(
            record.key(),
            new Outgoing(deadLetterTopic, record.value()),
            record.timestamp(),
            DeadLetters.headers(
                record.headers(),
                reason,
                consumerName,
                source.topic(),
                source.partition(),
                source.offset())));
  }
}
