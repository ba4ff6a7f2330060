package dev.switchboard.e2e;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** On a broker in a container (apache/kafka); skipped cleanly where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersEndToEndIT extends EndToEndScenarios {
  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.0");

  @Override
  String bootstrapServers() {
    return KAFKA.getBootstrapServers();
  }

  @Override
  String topicPrefix() {
    return "tc-";
  }
}
