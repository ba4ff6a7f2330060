package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyNamesTest {
  private final PropertyNames names =
      new PropertyNames(
          List.of(
              "switchboard.kafka.topic-prefix",
              "switchboard.handoff.users[*].password-hash",
              "spring.kafka.streams.properties.*"));

  @Test
  void shouldAcceptBothRelaxedFormsOfADashedName() {
    assertThat(names.bindsEnvironmentVariable("SWITCHBOARD_KAFKA_TOPIC_PREFIX")).isTrue();
    assertThat(names.bindsEnvironmentVariable("SWITCHBOARD_KAFKA_TOPICPREFIX")).isTrue();
  }

  @Test
  void shouldRejectAMisspelledOrUnknownVariable() {
    assertThat(names.bindsEnvironmentVariable("SWITCHBOARD_KAFKA_TOPIC_PREFIKS")).isFalse();
    assertThat(names.bindsEnvironmentVariable("SWITCHBOARD_KAFKA_TOPIC")).isFalse();
    assertThat(names.bindsEnvironmentVariable("SWITCHBOARD_KAFKA_TOPIC_PREFIX_EXTRA")).isFalse();
  }

  @Test
  void shouldTakeListIndexesAndMapKeys() {
    assertThat(names.bindsEnvironmentVariable("SWITCHBOARD_HANDOFF_USERS_0_PASSWORD_HASH"))
        .isTrue();
    assertThat(names.bindsEnvironmentVariable("SWITCHBOARD_HANDOFF_USERS_PASSWORD_HASH")).isFalse();
    assertThat(
            names.bindsEnvironmentVariable("SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STANDBY_REPLICAS"))
        .isTrue();
    assertThat(names.bindsEnvironmentVariable("SPRING_KAFKA_STREAMS_PROPERTIES")).isFalse();
  }

  @Test
  void shouldReadConfigTreeFileNamesAsProperties() {
    assertThat(names.bindsProperty("switchboard.kafka.topic-prefix")).isTrue();
    assertThat(names.bindsProperty("switchboard.handoff.users[0].password-hash")).isTrue();
    assertThat(names.bindsProperty("switchboard.kafka.topic-prefiks")).isFalse();
  }

  @Test
  void shouldKnowEachServicesOwnProperties() {
    assertThat(DeployedService.EXECUTOR.accepts("SWITCHBOARD_EXECUTOR_TOOLS_FILE")).isTrue();
    assertThat(DeployedService.PLANNER.accepts("SWITCHBOARD_EXECUTOR_TOOLS_FILE")).isFalse();
    assertThat(DeployedService.HANDOFF.accepts("SWITCHBOARD_HANDOFF_OIDC_ROLES_CLAIM")).isTrue();
    assertThat(DeployedService.HANDOFF.accepts("SWITCHBOARD_HANDOFF_ADVERTISED_ADDRESS")).isTrue();
    assertThat(DeployedService.TRACE.accepts("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isTrue();
    assertThat(DeployedService.TRACE.accepts("OTEL_EXPORTER_OTLP_ENDPOINT")).isTrue();
    assertThat(DeployedService.TRACE.accepts("OTEL_EXPORTER_OTLP_ENDPIONT")).isFalse();
    assertThat(DeployedService.SALES_TOOLS.accepts("SALES_TOOLS_ALLOWED_HOSTS")).isTrue();
    assertThat(DeployedService.SALES_TOOLS.accepts("SWITCHBOARD_KAFKA_PARTITIONS")).isFalse();
  }
}
