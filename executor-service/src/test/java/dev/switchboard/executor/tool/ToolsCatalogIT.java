package dev.switchboard.executor.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.WriterSignatures;
import dev.switchboard.contracts.catalog.CatalogReader;
import dev.switchboard.contracts.catalog.Catalogs;
import dev.switchboard.contracts.catalog.ToolEntry;
import dev.switchboard.executor.ExecutorApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The executor against the in-JVM broker with a tool file: it creates the compacted {@code tools}
 * topic, publishes every tool at start, and tombstones the tools of a server removed from the file.
 */
@SpringBootTest(
    classes = ExecutorApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "switchboard.security.action-signing-key=test-signing-key-of-at-least-32-bytes!",
      "switchboard.kafka.topic-prefix=" + ToolsCatalogIT.PREFIX,
      "switchboard.executor.outbox-dir=target/catalog-it-outbox",
      "switchboard.executor.tools.reload-interval=200ms"
    })
class ToolsCatalogIT {
  static final String PREFIX = "catalog-it-";
  static TestMcpServer server;
  static Path file;

  @Value("${spring.embedded.kafka.brokers}")
  String brokers;

  @Autowired ToolsHealthIndicator health;

  @DynamicPropertySource
  static void toolFile(DynamicPropertyRegistry registry) throws Exception {
    server = TestMcpServer.start();
    file = Files.createTempFile("catalog-it-tools", ".yml");
    Files.writeString(file, serverAndHttpTool());
    registry.add("switchboard.executor.tools.file", file::toString);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void shouldPublishEveryToolOnACompactedTopicAndTombstoneTheOnesThatGo() throws Exception {
    assertThat(health.health(true).getStatus().getCode()).isEqualTo("UP");
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, PREFIX + "tools");
      Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }

    try (CatalogReader<ToolEntry> reader =
        CatalogReader.start(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
            new TopicNames(PREFIX),
            Catalogs.TOOLS,
            WriterSignatures.off(Service.GUARDRAIL))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(reader.entries())
                      .containsKeys(
                          "demo.lookup", "demo.send", "weather.now", "test.lookup", "test.record"));
      ToolEntry lookup = reader.find("test.lookup").orElseThrow();
      assertThat(lookup.annotations()).isEqualTo(ToolEntry.Annotations.READ_ONLY);
      assertThat(lookup.trusted()).isTrue();
      assertThat(lookup.server()).isEqualTo("test");
      assertThat(reader.find("demo.send").orElseThrow().sideEffect()).isTrue();

      Files.writeString(
          file, "http-tools:\n  weather.now:\n    url: http://localhost:1/w?city={city}\n");

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(reader.entries())
                      .containsOnlyKeys("demo.lookup", "demo.send", "weather.now"));
    }
    assertThat(tombstones()).contains("test.lookup", "test.greet", "test.record");
  }

  private List<String> tombstones() {
    List<String> names = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(PREFIX + "tools", 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() == null) {
            names.add(record.key());
          }
        }
      }
    }
    return names;
  }

  private static String serverAndHttpTool() {
    return "mcp-servers:\n  test:\n    transport: streamable-http\n    url: "
        + server.url()
        + "\n    trusted: true\n"
        + "http-tools:\n  weather.now:\n    url: http://localhost:1/w?city={city}\n";
  }
}
