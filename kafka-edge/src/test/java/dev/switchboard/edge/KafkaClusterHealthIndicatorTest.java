package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Readiness is honest about the broker: nobody answering on the bootstrap address is DOWN. */
class KafkaClusterHealthIndicatorTest {

  @Test
  void shouldBeDownWhileNoBrokerAnswers() throws IOException {
    KafkaClusterHealthIndicator indicator =
        new KafkaClusterHealthIndicator(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + freePort()));
    try {
      Health health = indicator.health(true);

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    } finally {
      indicator.destroy();
    }
  }

  /** A port nothing listens on (it was free a moment ago). */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
