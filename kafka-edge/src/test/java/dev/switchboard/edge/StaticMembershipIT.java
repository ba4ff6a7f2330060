package dev.switchboard.edge;

import static dev.switchboard.edge.ScriptedGoals.submitted;
import static dev.switchboard.edge.ScriptedGoals.summaries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.edge.testing.TopicProbe;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * An instance that crashes (its streams stop without leaving the group) and starts again under the
 * same {@code switchboard.kafka.instance-id} takes its partitions back at once: long before the
 * crashed member's session (120 s here) would have expired, which a dynamic member must wait out.
 */
class StaticMembershipIT {
  private static final String PREFIX = "static-it-";
  private static final Duration SESSION = Duration.ofSeconds(120);

  /** Well under {@link #SESSION}: a restart that waited for the old member's session fails. */
  private static final Duration BACK_WITHIN = Duration.ofSeconds(60);

  /** A fresh broker's first group and internal topics take a while on a loaded machine. */
  private static final Duration FIRST_START = Duration.ofMinutes(3);

  /** The embedded broker every test of this module shares (junit-platform.properties). */
  final String brokers = System.getProperty("spring.embedded.kafka.brokers");

  ConfigurableApplicationContext first;
  ConfigurableApplicationContext second;

  @AfterEach
  void stop() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
  }

  @Test
  void shouldTakeItsPartitionsBackAtOnceWhenRestartedUnderTheSameInstanceId() {
    String goalId = "static-" + UUID.randomUUID();
    try (TopicProbe probe = new TopicProbe(brokers, new TopicNames(PREFIX))) {
      first = start();
      probe.send(Topics.GOALS, submitted(goalId, "count"));
      await().atMost(FIRST_START).until(() -> summaries(probe, goalId).contains("seen 1 events"));

      // A crash as the group sees it: the member stops heartbeating and never leaves.
      streams(first).getKafkaStreams().close(Duration.ofSeconds(30));
      first.close();
      first = null;

      second = start();
      await()
          .atMost(BACK_WITHIN)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> streams(second).getKafkaStreams().state() == KafkaStreams.State.RUNNING);
      probe.send(Topics.GOALS, submitted(goalId, "count"));
      await().atMost(BACK_WITHIN).until(() -> summaries(probe, goalId).contains("seen 2 events"));
      assertThat(summaries(probe, goalId))
          .as("the restored state went on")
          .contains("seen 2 events");
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(CountingApplication.class)
        .web(WebApplicationType.NONE)
        .properties(
            "spring.kafka.bootstrap-servers=" + brokers,
            "switchboard.kafka.topic-prefix=" + PREFIX,
            "switchboard.kafka.instance-id=it-instance",
            "spring.kafka.streams.properties[consumer.session.timeout.ms]=" + SESSION.toMillis())
        .run();
  }

  private static StreamsBuilderFactoryBean streams(ConfigurableApplicationContext context) {
    return context.getBean("&goalStreams", StreamsBuilderFactoryBean.class);
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class CountingApplication {
    @Bean
    CountingGoals countingGoals() {
      return new CountingGoals(Topics.GOALS);
    }
  }
}
