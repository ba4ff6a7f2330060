package dev.switchboard.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.edge.testing.TopicProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An ended goal leaves the executor's store after the retention: the goal's outcome on {@code
 * outcome} starts it, the changelog then holds only the goal's tombstone, and a new request of the
 * ended goal runs nothing, while a live goal's request on the same partition still runs.
 */
class EndedGoalRetentionIT {
  private static final String PREFIX = "retention-it-";
  private static final TopicNames NAMES = new TopicNames(PREFIX);
  private static final String CHANGELOG = PREFIX + "switchboard-executor-goal-state-changelog";
  private static final Duration WAIT = Duration.ofSeconds(90);

  private final String brokers = System.getProperty("spring.embedded.kafka.brokers");
  private final TopicProbe probe = new TopicProbe(brokers, NAMES);
  private ConfigurableApplicationContext executor;

  @AfterEach
  void stop() {
    if (executor != null) {
      executor.close();
    }
    probe.close();
  }

  @Test
  void shouldForgetAnEndedGoalAfterTheRetentionAndRunNothingMoreOfIt() throws Exception {
    executor = start();
    String ended = "retention-" + UUID.randomUUID();
    probe.send(Topics.ACTION_REQUEST, Requests.lookup(ended, "ACME"));
    probe.awaitEvent(Topics.ACTION_RESULT, ended, ActionSucceeded.class, WAIT);
    assertThat(lastStateOf(ended)).contains("step-1").doesNotContain("\"forgotten\":true");

    probe.send(
        Topics.OUTCOME,
        new GoalCompleted(ended, UUID.randomUUID(), null, Instant.now(), "done", null));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(lastStateOf(ended))
                    .contains("\"forgotten\":true")
                    .doesNotContain("step-1"));

    ActionRequested late =
        Requests.signed(ended, ended + "/step-2", "demo.lookup", false, "{\"account\":\"ACME\"}");
    String live = "retention-" + UUID.randomUUID();
    probe.send(Topics.ACTION_REQUEST, late);
    probe.send(Topics.ACTION_REQUEST, Requests.lookup(live, "ACME"));
    // One partition: the live goal's answer comes after the late request was read (and skipped).
    probe.awaitEvent(Topics.ACTION_RESULT, live, ActionSucceeded.class, WAIT);
    assertThat(probe.events(Topics.ACTION_RESULT, ended)).hasSize(1);
    assertThat(lastStateOf(ended)).contains("\"forgotten\":true");
  }

  /** The goal's latest value on the executor's changelog, as JSON text. */
  private String lastStateOf(String goalId) {
    List<ConsumerRecord<String, byte[]>> records =
        probe.readAll(CHANGELOG).stream()
            .filter(record -> goalId.equals(record.key()) && record.value() != null)
            .toList();
    return records.isEmpty() ? "" : new String(records.getLast().value(), StandardCharsets.UTF_8);
  }

  private ConfigurableApplicationContext start() throws IOException {
    return new SpringApplicationBuilder(ExecutorApplication.class)
        .web(WebApplicationType.NONE)
        .properties(
            "spring.kafka.bootstrap-servers=" + brokers,
            "switchboard.kafka.topic-prefix=" + PREFIX,
            "switchboard.kafka.partitions=1",
            "switchboard.retention.ended-goals=1s",
            "switchboard.security.action-signing-key=" + Requests.KEY,
            "switchboard.executor.outbox-dir=" + Files.createTempDirectory("retention-it-outbox"),
            "spring.kafka.streams.state-dir=" + Files.createTempDirectory("retention-it-state"))
        .run();
  }
}
