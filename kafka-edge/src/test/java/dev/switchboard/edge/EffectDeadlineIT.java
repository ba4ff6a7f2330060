package dev.switchboard.edge;

import static dev.switchboard.edge.ScriptedGoals.submitted;
import static dev.switchboard.edge.ScriptedGoals.summaries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.edge.testing.EmbeddedBrokerTest;
import dev.switchboard.edge.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * What happens when no worker answers: the worker is stopped, as after a crash, and the deadlines
 * decide. Short timings: an attempt must start within 8 s and its deadline is about 10.6 s after
 * its intent.
 */
@EmbeddedBrokerTest
@SpringBootTest(
    classes = EffectDeadlineIT.DeadlineApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "switchboard.kafka.topic-prefix=effects-deadline-it-",
      "switchboard.effects.timer-interval=100ms",
      "switchboard.effects.start-timeout=8s",
      "switchboard.effects.deadline-grace=2s",
      "switchboard.effects.transaction-timeout=1s",
      "switchboard.effects.bulkhead.max-wait=100ms",
      "switchboard.effects.max-attempts=3"
    })
class EffectDeadlineIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired ScriptedGoals.Handlers handlers;

  @Autowired EffectWorker worker;

  @Autowired TopicNames names;
  @EmbeddedBrokerTest.Probe TopicProbe probe;

  @BeforeEach
  void stopTheWorker() {
    worker.stop();
  }

  @AfterEach
  void startTheWorker() {
    worker.start();
  }

  @Test
  void shouldRunOnlyTheAttemptIssuedAfterTheDeadlineNeverTheOneItReplaced() {
    String goalId = newGoalId();
    probe.send(Topics.GOALS, submitted(goalId, "effect:fast"));
    probe.awaitRecord(
        ScriptedGoals.intentsTopic(names),
        record -> goalId.equals(record.key()) && text(record.value()).contains("\"attempt\":2"),
        WAIT);

    worker.start();

    await()
        .atMost(WAIT)
        .until(
            () ->
                summaries(probe, goalId).stream()
                    .anyMatch(summary -> summary.startsWith("result Succeeded")));
    assertThat(handlers.attemptsOf(goalId)).singleElement().isNotEqualTo(1);
    assertThat(
            probe.readAll(ScriptedGoals.resultsTopic(names)).stream()
                .filter(record -> goalId.equals(record.key()))
                .map(record -> text(record.value())))
        .anyMatch(value -> value.contains("Skipped") && value.contains("\"attempt\":1"));
  }

  @Test
  void shouldReportAStartedEffectWithoutResultAsOutcomeUnknown() {
    String goalId = newGoalId();
    probe.send(Topics.GOALS, submitted(goalId, "effect:fast"));
    probe.awaitRecord(
        ScriptedGoals.intentsTopic(names), record -> goalId.equals(record.key()), WAIT);
    // What a worker writes when it takes the intent, before it dies during the call.
    probe.sendRaw(
        ScriptedGoals.resultsTopic(names),
        goalId,
        "{\"type\":\"Started\",\"goalId\":\"" + goalId + "\",\"effectId\":\"e-1\",\"attempt\":1}");

    await()
        .atMost(WAIT)
        .until(
            () ->
                summaries(probe, goalId)
                    .contains(
                        "result OutcomeUnknown attempt 1: no result by its deadline: the service"
                            + " may have stopped during the call"));
    assertThat(handlers.attemptsOf(goalId)).isEmpty();
  }

  @Test
  void shouldGiveUpOnAnEffectNoWorkerEverStarts() {
    String goalId = newGoalId();

    probe.send(Topics.GOALS, submitted(goalId, "effect:fast"));

    await()
        .atMost(WAIT)
        .until(
            () ->
                summaries(probe, goalId)
                    .contains("result Failed attempt 3: not started in 3 attempts; nothing ran"));
    assertThat(handlers.attemptsOf(goalId)).isEmpty();
  }

  private static String text(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }

  private static String newGoalId() {
    return "deadline-" + UUID.randomUUID();
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class DeadlineApplication {
    @Bean
    ScriptedGoals scriptedGoals() {
      return new ScriptedGoals(Duration.ofMillis(500));
    }

    @Bean
    ScriptedGoals.Handlers handlers() {
      return new ScriptedGoals.Handlers();
    }

    @Bean
    EffectHandler fast(ScriptedGoals.Handlers handlers) {
      return handlers.fast();
    }
  }
}
