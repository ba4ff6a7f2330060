package dev.switchboard.e2e;

/** On the in-JVM KRaft broker that spring-kafka-test starts once for the whole test run. */
class EmbeddedKafkaEndToEndIT extends EndToEndScenarios {

  @Override
  String bootstrapServers() {
    return System.getProperty("spring.embedded.kafka.brokers");
  }

  @Override
  String topicPrefix() {
    return "e2e-";
  }
}
