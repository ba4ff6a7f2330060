package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.edge.testing.EmbeddedBrokerTest;
import dev.switchboard.edge.testing.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

@EmbeddedBrokerTest
@SpringBootTest(
    classes = GoalStreamTopologyIT.CountingApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "switchboard.kafka.topic-prefix=edge-it-")
class GoalStreamTopologyIT {
  @Autowired TopicNames names;
  @EmbeddedBrokerTest.Probe TopicProbe probe;

  @Test
  void shouldWriteWhatTheLogicDecidesOncePerEvent() {
    GoalSubmitted goal = goal();
    probe.send(Topics.GOALS, goal);
    probe.send(Topics.GOALS, goal);

    GoalCompleted completed = probe.awaitEvent(Topics.OUTCOME, goal.goalId(), GoalCompleted.class);

    assertThat(completed.summary()).isEqualTo("seen 1 events");
    assertThat(completed.causationId()).isEqualTo(goal.eventId());
    GoalSubmitted later =
        new GoalSubmitted(
            goal.goalId(), UUID.randomUUID(), null, Instant.now(), null, "again", Map.of());
    probe.send(Topics.GOALS, later);
    probe.awaitRecord(
        names.of(Topics.OUTCOME),
        record ->
            record.key().equals(goal.goalId())
                && new String(record.value()).contains("seen 2 events"),
        Duration.ofSeconds(30));
    assertThat(probe.events(Topics.OUTCOME, goal.goalId())).hasSize(2);
  }

  @Test
  void shouldDeadLetterBadRecordsAndGoOn() {
    String goalId = "bad-" + UUID.randomUUID();
    probe.sendRaw(names.of(Topics.GOALS), goalId, "{not json");
    probe.sendRaw(
        names.of(Topics.GOALS),
        goalId,
        "{\"type\":\"GoalExploded\",\"goalId\":\"" + goalId + "\"}");
    probe.sendRaw(
        names.of(Topics.GOALS),
        "other-key",
        "{\"type\":\"GoalSubmitted\",\"goalId\":\"" + goalId + "\",\"description\":\"x\"}");
    GoalSubmitted good = goal();
    probe.send(Topics.GOALS, good);

    probe.awaitEvent(Topics.OUTCOME, good.goalId(), GoalCompleted.class);
    // Records of different keys sit on different partitions: each is awaited on its own.
    assertThat(deadLetterReason(goalId, "not valid JSON")).isNotNull();
    assertThat(deadLetterReason(goalId, "unknown type 'GoalExploded'")).isNotNull();
    assertThat(deadLetterReason("other-key", "must equal the goalId")).isNotNull();
  }

  private String deadLetterReason(String key, String reasonPart) {
    return TopicProbe.deadLetterReason(
        probe.awaitDeadLetter(Topics.GOALS, key, reasonPart, Duration.ofSeconds(30)));
  }

  private static GoalSubmitted goal() {
    return new GoalSubmitted(
        "edge-" + UUID.randomUUID(),
        UUID.randomUUID(),
        null,
        Instant.now(),
        null,
        "count me",
        Map.of());
  }

  @SpringBootApplication
  static class CountingApplication {
    @Bean
    CountingGoals counter() {
      return new CountingGoals(Topics.GOALS);
    }
  }
}
