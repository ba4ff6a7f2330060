package dev.switchboard.edge;

import static dev.switchboard.edge.ScriptedGoals.submitted;
import static dev.switchboard.edge.ScriptedGoals.summaries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.GoalEvent.GoalCancelled;
import dev.switchboard.edge.testing.EmbeddedBrokerTest;
import dev.switchboard.edge.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Effects and timers through the real topology, worker and embedded broker. */
@EmbeddedBrokerTest
@SpringBootTest(
    classes = EffectsIT.EffectsApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "switchboard.kafka.topic-prefix=effects-it-",
      "switchboard.effects.timer-interval=100ms"
    })
class EffectsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired ScriptedGoals.Handlers handlers;

  @Autowired
  @Qualifier("&goalStreams")
  StreamsBuilderFactoryBean goalStreams;

  @Autowired TopicNames names;
  @EmbeddedBrokerTest.Probe TopicProbe probe;

  @Test
  void shouldRunAnEffectOnlyOnceItsIntentIsCommittedAndApplyItsResultOnce() {
    String goalId = newGoalId();

    probe.send(Topics.GOALS, submitted(goalId, "effect:echo"));

    awaitSummary(goalId, "result Succeeded attempt 1: {\"text\":\"" + goalId + "\"}");
    assertThat(handlers.intentCommittedBeforeRun.get(goalId))
        .as("the decision's event was committed when the handler ran")
        .isTrue();
    // Deliver the same result again, then a barrier behind it on the same partition.
    ConsumerRecord<String, byte[]> result =
        probe.awaitRecord(
            ScriptedGoals.resultsTopic(names),
            record -> goalId.equals(record.key()) && text(record.value()).contains("Finished"),
            WAIT);
    probe.sendRaw(ScriptedGoals.resultsTopic(names), goalId, result.value());
    ScriptedGoals.sendBarrier(probe, ScriptedGoals.resultsTopic(names), goalId);
    awaitSummary(goalId, "timer fired barrier");

    assertThat(summaries(probe, goalId))
        .filteredOn(summary -> summary.startsWith("result"))
        .hasSize(1);
    assertThat(handlers.attemptsOf(goalId)).containsExactly(1);
  }

  @Test
  void shouldWriteTheHandlersResultEventsOnceWithTheResult() {
    String goalId = newGoalId();

    probe.send(Topics.GOALS, submitted(goalId, "effect:publish"));

    awaitSummary(goalId, "published with the result");
    awaitSummary(goalId, "result Succeeded attempt 1: {\"text\":\"" + goalId + "\"}");
    ScriptedGoals.sendBarrier(probe, ScriptedGoals.resultsTopic(names), goalId);
    awaitSummary(goalId, "timer fired barrier");
    assertThat(summaries(probe, goalId))
        .containsOnlyOnce("published with the result")
        .startsWith("asked");
  }

  @Test
  void shouldNotHoldUpOtherGoalsOfThePartitionWhileAnEffectRuns() {
    String slowGoal = newGoalId();
    List<String> others = ScriptedGoals.goalIdsOnPartitionOf(slowGoal, 20);

    probe.send(Topics.GOALS, submitted(slowGoal, "effect:slow"));
    await().atMost(WAIT).until(() -> handlers.attemptsOf(slowGoal).size() == 1);
    others.forEach(goalId -> probe.send(Topics.GOALS, submitted(goalId, "effect:fast")));

    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> withResult(others) == others.size());
    assertThat(summaries(probe, slowGoal))
        .as("the slow effect is still running")
        .noneMatch(summary -> summary.startsWith("result"));
    handlers.slowRelease.countDown();
    awaitSummary(slowGoal, "result Succeeded attempt 1: {\"text\":\"" + slowGoal + "\"}");
  }

  @Test
  void shouldFireATimerSetBeforeTheStreamsRestarted() {
    String goalId = newGoalId();
    probe.send(Topics.GOALS, submitted(goalId, "timer:8000"));
    awaitSummary(goalId, "timer set");
    Instant stopped = Instant.now();

    goalStreams.stop();
    goalStreams.start();

    awaitSummary(goalId, "timer fired t-1");
    awaitSummary(goalId, "timer fired t-2");
    assertThat(summaries(probe, goalId))
        .containsExactly("timer set", "timer fired t-1", "timer fired t-2");
    assertThat(Instant.now()).isAfter(stopped);
  }

  @Test
  void shouldNotFireACancelledTimer() {
    String goalId = newGoalId();
    probe.send(Topics.GOALS, submitted(goalId, "timer:10000"));
    awaitSummary(goalId, "timer set");

    probe.send(
        Topics.GOALS,
        new GoalCancelled(goalId, UUID.randomUUID(), null, Instant.now(), "stop", "test"));

    awaitSummary(goalId, "timer fired t-2");
    assertThat(summaries(probe, goalId))
        .containsExactly("timer set", "timer cancelled", "timer fired t-2");
  }

  /** How many of the goals have a successful result, from one read of the outcome topic. */
  private long withResult(List<String> goalIds) {
    return probe.readAll(names.of(Topics.OUTCOME)).stream()
        .filter(record -> goalIds.contains(record.key()))
        .filter(record -> text(record.value()).contains("result Succeeded attempt 1"))
        .map(ConsumerRecord::key)
        .distinct()
        .count();
  }

  private static String text(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }

  private void awaitSummary(String goalId, String summary) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> summaries(probe, goalId).contains(summary));
  }

  private static String newGoalId() {
    return "effects-" + UUID.randomUUID();
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class EffectsApplication {
    @Bean
    ScriptedGoals scriptedGoals() {
      return new ScriptedGoals(Duration.ofMinutes(3));
    }

    @Bean
    ScriptedGoals.Handlers handlers() {
      return new ScriptedGoals.Handlers();
    }

    @Bean
    TopicProbe handlerProbe(
        @Value("${spring.embedded.kafka.brokers}") String brokers, TopicNames names) {
      return new TopicProbe(brokers, names);
    }

    @Bean
    EffectHandler echo(ScriptedGoals.Handlers handlers, TopicProbe handlerProbe) {
      return handlers.echo(handlerProbe);
    }

    @Bean
    EffectHandler fast(ScriptedGoals.Handlers handlers) {
      return handlers.fast();
    }

    @Bean
    EffectHandler slow(ScriptedGoals.Handlers handlers) {
      return handlers.slow();
    }

    @Bean
    EffectHandler publishing(ScriptedGoals.Handlers handlers) {
      return handlers.publishing();
    }
  }
}
