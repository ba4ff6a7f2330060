package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.GoalEvent;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.testing.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

@SpringBootTest(
    classes = GoalStreamTopologyIT.CountingApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "switchboard.kafka.topic-prefix=edge-it-"
    })
class GoalStreamTopologyIT {
  private static final TopicNames NAMES = new TopicNames("edge-it-");

  @Value("${spring.embedded.kafka.brokers}")
  String brokers;

  TopicProbe probe;

  @BeforeEach
  void openProbe() {
    probe = new TopicProbe(brokers, NAMES);
  }

  @AfterEach
  void closeProbe() {
    probe.close();
  }

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
        NAMES.of(Topics.OUTCOME),
        record ->
            record.key().equals(goal.goalId())
                && new String(record.value()).contains("seen 2 events"),
        Duration.ofSeconds(30));
    assertThat(probe.events(Topics.OUTCOME, goal.goalId())).hasSize(2);
  }

  @Test
  void shouldDeadLetterBadRecordsAndGoOn() {
    String goalId = "bad-" + UUID.randomUUID();
    probe.sendRaw(NAMES.of(Topics.GOALS), goalId, "{not json");
    probe.sendRaw(
        NAMES.of(Topics.GOALS),
        goalId,
        "{\"type\":\"GoalExploded\",\"goalId\":\"" + goalId + "\"}");
    probe.sendRaw(
        NAMES.of(Topics.GOALS),
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
        probe.awaitRecord(
            NAMES.deadLetterOf(Topics.GOALS),
            record ->
                key.equals(record.key())
                    && String.valueOf(TopicProbe.deadLetterReason(record)).contains(reasonPart),
            Duration.ofSeconds(30)));
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

  /** Counts a goal's events and reports the count as its outcome. */
  record Count(int seen) {}

  @SpringBootApplication
  static class CountingApplication {
    @Bean
    GoalProcessor<Count> counter() {
      return new GoalProcessor<>() {
        @Override
        public Service service() {
          return Service.PLANNER;
        }

        @Override
        public List<Topic<?>> inputs() {
          return List.of(Topics.GOALS);
        }

        @Override
        public Class<Count> stateType() {
          return Count.class;
        }

        @Override
        public Decision<Count> decide(Count state, SwitchboardEvent event) {
          int seen = state == null ? 1 : state.seen() + 1;
          GoalEvent goalEvent = (GoalEvent) event;
          OutcomeEvent outcome =
              new GoalCompleted(
                  goalEvent.goalId(),
                  UUID.randomUUID(),
                  goalEvent.eventId(),
                  Instant.now(),
                  "seen " + seen + " events",
                  null);
          return Decision.of(new Count(seen), outcome);
        }
      };
    }
  }
}
