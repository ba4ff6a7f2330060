package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.edge.testing.EmbeddedBrokerTest;
import dev.switchboard.edge.testing.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * Records that used to stop a partition for good (too large to forward, on the wrong partition,
 * without a key, forged onto the internal re-keying topic) are dead-lettered once and the goals
 * behind them on the same partition still complete.
 */
@EmbeddedBrokerTest
@SpringBootTest(
    classes = HostileInputIT.CountingApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"switchboard.kafka.topic-prefix=hostile-it-"})
class HostileInputIT {
  private static final int OVERSIZED = 1_500_000;
  private static final Duration WAIT = Duration.ofSeconds(60);

  @LocalServerPort int port;

  @Autowired TopicNames names;
  @EmbeddedBrokerTest.Probe TopicProbe probe;

  @Test
  void shouldDeadLetterAnOversizedOutsideRecordAsAReferenceAndGoOn() {
    GoalSubmitted good = goal();
    probe.sendRaw(names.of(Topics.GOALS), good.goalId(), bigJson(good.goalId()));
    probe.send(Topics.GOALS, good);

    probe.awaitEvent(Topics.OUTCOME, good.goalId(), GoalCompleted.class, WAIT);
    ConsumerRecord<String, byte[]> reference = deadLetter(Topics.GOALS, good.goalId(), "exceeds");

    assertThat(reference.value()).isNull();
    assertThat(TopicProbe.header(reference, SwitchboardHeaders.DLQ_SOURCE_SIZE))
        .isEqualTo(Long.toString(OVERSIZED + good.goalId().length()));
    assertThat(TopicProbe.header(reference, SwitchboardHeaders.DLQ_SOURCE_TOPIC))
        .isEqualTo(names.of(Topics.GOALS));
    assertThat(TopicProbe.header(reference, SwitchboardHeaders.DLQ_SOURCE_OFFSET)).isNotNull();
  }

  @Test
  void shouldDeadLetterAnOversizedRecordOnAnOwnTopicAsAReferenceAndGoOn() {
    GoalSubmitted good = goal();
    probe.sendRaw(names.of(Topics.VERDICT), good.goalId(), bigJson(good.goalId()));
    probe.send(Topics.VERDICT, allowed(good.goalId()));

    awaitSummary(good.goalId(), "seen 1 events");
    ConsumerRecord<String, byte[]> reference =
        deadLetter(Topics.VERDICT, good.goalId(), "exceeds the limit");
    assertThat(reference.value()).isNull();
    assertThat(reference.headers().lastHeader("ce_id")).isNull();
  }

  @Test
  void shouldDeadLetterARecordOnAPartitionItsKeyDoesNotBelongOn() {
    ActionAllowed event = allowed("goal-" + UUID.randomUUID());
    int home = new RecordGate(1000, 3).partitionOf(event.goalId());
    int elsewhere = (home + 1) % 3;
    probe.sendRaw(
        names.of(Topics.VERDICT), elsewhere, event.goalId(), probe.codec().encode(event), Map.of());
    probe.send(Topics.VERDICT, allowed(event.goalId()));

    ConsumerRecord<String, byte[]> dead =
        deadLetter(Topics.VERDICT, event.goalId(), "belongs on partition " + home);
    assertThat(dead.value()).isEqualTo(probe.codec().encode(event));
    // The copy on the right partition is taken; the copy on the wrong one is not.
    awaitSummary(event.goalId(), "seen 1 events");
    assertThat(probe.events(Topics.OUTCOME, event.goalId())).hasSize(1);
  }

  @Test
  void shouldDeadLetterRecordsWithoutAKey() {
    String marker = "keyless-" + UUID.randomUUID();
    probe.sendRaw(names.of(Topics.GOALS), null, "{\"marker\":\"" + marker + "\"}");
    probe.sendRaw(names.of(Topics.VERDICT), null, "{\"marker\":\"" + marker + "\"}");

    for (Topic<?> topic : List.of(Topics.GOALS, Topics.VERDICT)) {
      ConsumerRecord<String, byte[]> dead =
          probe.awaitRecord(
              names.deadLetterOf(topic),
              record -> record.value() != null && new String(record.value()).contains(marker),
              WAIT);
      assertThat(TopicProbe.deadLetterReason(dead)).contains("no key");
    }
  }

  @Test
  void shouldSkipARecordForgedOntoTheRekeyingTopicWithoutStoppingItsPartition() {
    GoalSubmitted good = goal();
    String rekeying =
        names.prefix() + "switchboard-planner-" + RecordOrigin.REPARTITION_NAME + "-repartition";
    probe.sendRaw(rekeying, good.goalId(), probe.codec().encode(good));
    GoalSubmitted after = goal(good.goalId());
    probe.send(Topics.GOALS, after);

    awaitSummary(good.goalId(), "seen 1 events");
    assertThat(probe.events(Topics.OUTCOME, good.goalId()))
        .singleElement()
        .extracting(SwitchboardEvent::causationId)
        .isEqualTo(after.eventId());
  }

  @Test
  void shouldShowAnonymousCallersTheHealthStatusButNoDetails() throws Exception {
    HttpResponse<String> health = http("/actuator/health", null);

    assertThat(health.body()).contains("\"status\"").doesNotContain("details");
    assertThat(health.body()).doesNotContain("clusterId").doesNotContain("diskSpace");
  }

  @Test
  void shouldRefuseAnOversizedRequestBodyWith413() throws Exception {
    HttpResponse<String> response = http("/anything", "x".repeat(2 * 1024 * 1024));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("exceeds the limit of 1048576 bytes");
  }

  private HttpResponse<String> http(String path, String body) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
      if (body != null) {
        request.POST(HttpRequest.BodyPublishers.ofString(body));
      }
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private ConsumerRecord<String, byte[]> deadLetter(Topic<?> topic, String key, String reasonPart) {
    return probe.awaitDeadLetter(topic, key, reasonPart, WAIT);
  }

  private void awaitSummary(String goalId, String summary) {
    probe.awaitRecord(
        names.of(Topics.OUTCOME),
        record -> goalId.equals(record.key()) && new String(record.value()).contains(summary),
        WAIT);
  }

  private static byte[] bigJson(String goalId) {
    byte[] bytes = new byte[OVERSIZED];
    Arrays.fill(bytes, (byte) ' ');
    byte[] start = ("{\"type\":\"GoalSubmitted\",\"goalId\":\"" + goalId + "\"}").getBytes();
    System.arraycopy(start, 0, bytes, 0, start.length);
    return bytes;
  }

  private static GoalSubmitted goal() {
    return goal("hostile-" + UUID.randomUUID());
  }

  private static GoalSubmitted goal(String goalId) {
    return new GoalSubmitted(
        goalId, UUID.randomUUID(), null, Instant.now(), null, "count me", Map.of());
  }

  private static ActionAllowed allowed(String goalId) {
    return new ActionAllowed(
        goalId, UUID.randomUUID(), null, Instant.now(), goalId + "/step-1", "allow-all");
  }

  @SpringBootApplication
  static class CountingApplication {
    @Bean
    CountingGoals counter() {
      return new CountingGoals(Topics.GOALS, Topics.VERDICT);
    }
  }
}
