package dev.switchboard.bench.stack;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.SwitchboardEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the stack's plan, outcome and escalation topics (read committed, from their end when it
 * starts) and notes when each goal's proposals, outcome and approval requests arrive.
 */
final class StackWatcher implements AutoCloseable {
  private static final EventCodec CODEC = new EventCodec();
  private static final List<Topic<?>> WATCHED =
      List.of(Topics.PLAN, Topics.OUTCOME, Topics.ESCALATION);

  final Map<String, List<Long>> proposals = new ConcurrentHashMap<>();
  final Map<String, Long> outcomes = new ConcurrentHashMap<>();
  final ConcurrentLinkedQueue<String> approvals = new ConcurrentLinkedQueue<>();

  /** The goal of each approval request, by escalation id. */
  final Map<String, String> approvalGoals = new ConcurrentHashMap<>();

  final AtomicLong approvalCount = new AtomicLong();
  final AtomicLong outcomeCount = new AtomicLong();
  final AtomicLong failedCount = new AtomicLong();
  private final KafkaConsumer<String, byte[]> consumer;
  private final TopicNames names = TopicNames.unprefixed();
  private final Thread thread;
  private volatile boolean stopped;

  StackWatcher(String bootstrap) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (Topic<?> topic : WATCHED) {
      consumer
          .partitionsFor(names.of(topic))
          .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    thread = Thread.ofPlatform().name("watcher").start(this::run);
  }

  private void run() {
    while (!stopped) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
        long now = System.nanoTime();
        Topic<?> topic = names.topicNamed(record.topic()).orElseThrow();
        SwitchboardEvent event;
        try {
          event = CODEC.decode(topic, record.value());
        } catch (RuntimeException e) {
          continue;
        }
        switch (event) {
          case StepsProposed steps ->
              proposals.computeIfAbsent(steps.goalId(), id -> new ArrayList<>()).add(now);
          case OutcomeEvent outcome -> {
            if (outcomes.putIfAbsent(outcome.goalId(), now) == null) {
              outcomeCount.incrementAndGet();
              if (!(outcome instanceof OutcomeEvent.GoalCompleted)) {
                failedCount.incrementAndGet();
              }
            }
          }
          case ApprovalRequested approval -> {
            approvalGoals.put(approval.escalationId(), approval.goalId());
            approvals.add(approval.escalationId());
            approvalCount.incrementAndGet();
          }
          default -> {}
        }
      }
    }
  }

  @Override
  public void close() {
    stopped = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close();
  }
}
