package dev.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GoalClient#awaitOutcome} returns the outcome whenever it is written. Each test runs on
 * fresh topics, so the goal's partition holds no record newer than the submission: the case in
 * which a lazy {@code seekToEnd} once skipped an outcome written before the consumer's first poll.
 */
class GoalClientIT {
  /**
   * Only how long a broken client is waited for: generous, because a hook that writes outcomes runs
   * inside the wait, and at a load of 30 a committed write can take a second.
   */
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final String brokers = System.getProperty("spring.embedded.kafka.brokers");
  private TopicNames names;
  private GoalClient client;
  private KafkaProducer<String, byte[]> outcomes;
  private final EventCodec codec = new EventCodec();

  @BeforeEach
  void freshTopics() throws Exception {
    names = new TopicNames("goal-client-it-" + UUID.randomUUID() + "-");
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(names.of(Topics.GOALS), 3, (short) 1),
                  new NewTopic(names.of(Topics.OUTCOME), 3, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    client = new GoalClient(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), names);
    outcomes =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "goal-client-it-" + UUID.randomUUID()),
            new StringSerializer(),
            new ByteArraySerializer());
    outcomes.initTransactions();
  }

  @AfterEach
  void close() {
    client.close();
    outcomes.close(Duration.ofSeconds(2));
  }

  @Test
  void shouldReturnAnOutcomeWrittenBetweenPositioningAndTheFirstPoll() throws Exception {
    String goalId = client.submit("demo", "Tell ACME", Map.of());
    client.beforeFirstPoll(() -> writeOutcome(goalId));

    assertThat(client.awaitOutcome(goalId, WAIT)).isInstanceOf(GoalCompleted.class);
  }

  @Test
  void shouldReturnAnOutcomeWrittenBeforeTheCall() throws Exception {
    String goalId = client.submit("demo", "Tell ACME", Map.of());
    writeOutcome(goalId);

    assertThat(client.awaitOutcome(goalId, WAIT).goalId()).isEqualTo(goalId);
  }

  @Test
  void shouldReturnAnOutcomeWrittenWhileItWaits() throws Exception {
    String goalId = client.submit("demo", "Tell ACME", Map.of());
    CountDownLatch polling = new CountDownLatch(1);
    client.beforeFirstPoll(polling::countDown);
    CompletableFuture<Void> later =
        CompletableFuture.runAsync(
            () -> {
              opened(polling);
              writeOutcome(goalId);
            });

    assertThat(client.awaitOutcome(goalId, WAIT).goalId()).isEqualTo(goalId);
    later.get(30, TimeUnit.SECONDS);
  }

  @Test
  void shouldFindTheOutcomeOfAGoalSubmittedElsewhereFromTheStartOfItsPartition() throws Exception {
    String goalId = "elsewhere-" + UUID.randomUUID();
    writeOutcome(goalId);

    try (GoalClient another =
        new GoalClient(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), names)) {
      assertThat(another.awaitOutcome(goalId, WAIT).goalId()).isEqualTo(goalId);
    }
  }

  @Test
  void shouldSkipOtherGoalsOutcomesOnTheSamePartition() throws Exception {
    String goalId = client.submit("demo", "Tell ACME", Map.of());
    client.beforeFirstPoll(
        () -> {
          List<String> goalIds = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            goalIds.add("other-" + i);
          }
          goalIds.add(goalId);
          writeOutcomes(goalIds);
        });

    assertThat(client.awaitOutcome(goalId, WAIT).goalId()).isEqualTo(goalId);
  }

  /**
   * As the planner writes it: in a committed transaction, keyed by goalId. Returns once the commit
   * markers are on the partition, so read_committed consumers can see the outcome: only then is it
   * "written" for a consumer that is about to resolve its position.
   */
  private void writeOutcome(String goalId) {
    writeOutcomes(List.of(goalId));
  }

  /** In one transaction, in this order; returns once all of them are readable committed. */
  private void writeOutcomes(List<String> goalIds) {
    outcomes.beginTransaction();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (String goalId : goalIds) {
      OutcomeEvent outcome =
          new GoalCompleted(goalId, UUID.randomUUID(), null, Instant.now(), "done", null);
      sent.add(
          outcomes.send(
              new ProducerRecord<>(names.of(Topics.OUTCOME), goalId, codec.encode(outcome))));
    }
    outcomes.commitTransaction();
    try (KafkaConsumer<String, byte[]> committed = committedReader()) {
      for (Future<RecordMetadata> each : sent) {
        RecordMetadata metadata = get(each);
        TopicPartition partition = new TopicPartition(metadata.topic(), metadata.partition());
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> committed.endOffsets(List.of(partition)).get(partition) > metadata.offset());
      }
    }
  }

  private KafkaConsumer<String, byte[]> committedReader() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            brokers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  private static RecordMetadata get(Future<RecordMetadata> sent) {
    try {
      return sent.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the outcome was not written", e);
    }
  }

  private static void opened(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
