package dev.switchboard.edge;

import static dev.switchboard.edge.ScriptedGoals.completed;
import static dev.switchboard.edge.ScriptedGoals.submitted;
import static dev.switchboard.edge.ScriptedGoals.summaries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.testing.EmbeddedBrokerTest;
import dev.switchboard.edge.testing.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Ended goals leave the store after the retention; their tombstone keeps them from restarting. */
@EmbeddedBrokerTest
@SpringBootTest(
    classes = RetentionIT.RetentionApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "switchboard.kafka.topic-prefix=retention-it-",
      "switchboard.effects.timer-interval=100ms",
      "switchboard.retention.ended-goals=1s",
      "switchboard.retention.tombstones=1h"
    })
class RetentionIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired
  @Qualifier("&goalStreams")
  StreamsBuilderFactoryBean goalStreams;

  @Autowired EventCodec codec;

  @EmbeddedBrokerTest.Probe TopicProbe probe;
  GoalStates<Runs> states;

  @BeforeEach
  void readStates() {
    states = new GoalStates<>(goalStreams, codec, Runs.class);
  }

  @Test
  void shouldForgetAnEndedGoalAndNotStartItAgainWhenItIsSubmittedAgain() {
    String ended = "retention-" + UUID.randomUUID();
    String ongoing = ScriptedGoals.goalIdsOnPartitionOf(ended, 1).getFirst();

    probe.send(Topics.GOALS, submitted(ended, "end"));
    probe.send(Topics.GOALS, submitted(ongoing, "keep"));
    awaitSummary(ended, "started 1");
    awaitSummary(ongoing, "started 1");

    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> !readable(ended));
    probe.send(Topics.GOALS, submitted(ended, "end"));
    // A barrier on the same partition: once it is through, the re-sent submission was taken too.
    probe.send(Topics.GOALS, submitted(ongoing, "keep"));
    awaitSummary(ongoing, "started 2");

    assertThat(summaries(probe, ended)).containsExactly("started 1");
    assertThat(readable(ongoing)).as("a goal that did not end stays").isTrue();
  }

  private boolean readable(String goalId) {
    try {
      return states.get(goalId).isPresent();
    } catch (GoalStates.StateNotReadyException e) {
      return false;
    }
  }

  private void awaitSummary(String goalId, String summary) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> summaries(probe, goalId).contains(summary));
  }

  record Runs(int count) {}

  /** Counts a goal's submissions; a goal described "end" says it is done at once. */
  static final class EndingGoals implements GoalProcessor<Runs> {
    @Override
    public Service service() {
      return Service.PLANNER;
    }

    @Override
    public List<Topic<?>> inputs() {
      return List.of(Topics.GOALS);
    }

    @Override
    public Class<Runs> stateType() {
      return Runs.class;
    }

    @Override
    public Decision<Runs> decide(Runs state, SwitchboardEvent event) {
      Runs next = new Runs(state == null ? 1 : state.count() + 1);
      Decision<Runs> decision =
          Decision.of(next, completed(event.goalId(), "started " + next.count()));
      return ((GoalSubmitted) event).description().equals("end") ? decision.goalEnded() : decision;
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class RetentionApplication {
    @Bean
    EndingGoals endingGoals() {
      return new EndingGoals();
    }
  }
}
