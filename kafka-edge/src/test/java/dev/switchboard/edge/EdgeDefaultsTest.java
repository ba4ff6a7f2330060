package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class EdgeDefaultsTest {

  @Test
  void shouldCommitStreamsEvery10MillisecondsByDefault() {
    assertThat(streamsProperties(new MockEnvironment())).containsEntry("commit.interval.ms", "10");
  }

  @Test
  void shouldTakeTheCommitIntervalFromItsSwitchboardProperty() {
    MockEnvironment environment =
        new MockEnvironment().withProperty("switchboard.kafka.commit-interval-ms", "20");

    assertThat(streamsProperties(environment)).containsEntry("commit.interval.ms", "20");
  }

  private static Map<String, String> streamsProperties(MockEnvironment environment) {
    new EdgeDefaults().postProcessEnvironment(environment, new SpringApplication());
    return Binder.get(environment)
        .bind("spring.kafka.streams.properties", Bindable.mapOf(String.class, String.class))
        .get();
  }
}
