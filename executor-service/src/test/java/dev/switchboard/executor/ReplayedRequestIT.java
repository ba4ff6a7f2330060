package dev.switchboard.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.EventKeys;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.WriterSignatures;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.edge.testing.TopicProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A validly signed request (the guardrail's HMAC and its Ed25519 event signature) replayed after it
 * ran — on its own partition after the executor restarted with an empty local state, on another
 * partition, and under another goal's key — never calls the tool again.
 */
class ReplayedRequestIT {
  private static final String PREFIX = "replay-it-";
  private static final TopicNames NAMES = new TopicNames(PREFIX);
  private static final int PARTITIONS = 3;
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
  void shouldNeverRunAReplayedRequestAgain() throws Exception {
    Path keys = Files.createTempDirectory("replay-it-keys");
    EventKeys.generateMissing(keys, List.of(Service.GUARDRAIL, Service.EXECUTOR));
    Path outbox = Files.createTempDirectory("replay-it-outbox");
    WriterSignatures guardrail = guardrailSignatures(keys);
    String goalId = "replay-" + UUID.randomUUID();
    ActionRequested send =
        Requests.signed(
            goalId,
            goalId + "/demo/send",
            "demo.send",
            true,
            "{\"to\":\"pat.lee@acme.example\",\"subject\":\"Hi\",\"body\":\"Hello Pat\"}");
    byte[] value = probe.codec().encode(send);
    Map<String, String> headers = signed(guardrail, goalId, value);

    executor = start(keys, outbox);
    probe.sendRaw(NAMES.of(Topics.ACTION_REQUEST), partitionOf(goalId), goalId, value, headers);
    probe.awaitEvent(Topics.ACTION_RESULT, goalId, ActionSucceeded.class, WAIT);
    assertThat(outboxLines(outbox, goalId)).isEqualTo(1);
    executor.close();

    executor = start(keys, outbox); // a fresh state dir: the goal's state comes from Kafka
    String otherGoal = "replay-" + UUID.randomUUID();
    int wrongPartition = (partitionOf(goalId) + 1) % PARTITIONS;
    probe.sendRaw(NAMES.of(Topics.ACTION_REQUEST), partitionOf(goalId), goalId, value, headers);
    probe.sendRaw(NAMES.of(Topics.ACTION_REQUEST), wrongPartition, goalId, value, headers);
    probe.sendRaw(
        NAMES.of(Topics.ACTION_REQUEST), partitionOf(otherGoal), otherGoal, value, headers);
    ActionRequested later = Requests.lookup(goalId, "ACME");
    byte[] laterValue = probe.codec().encode(later);
    probe.sendRaw(
        NAMES.of(Topics.ACTION_REQUEST),
        partitionOf(goalId),
        goalId,
        laterValue,
        signed(guardrail, goalId, laterValue));

    // The lookup after the replay on the goal's own partition ran: the replay was taken before it.
    await().atMost(WAIT).until(() -> probe.events(Topics.ACTION_RESULT, goalId).size() == 2);
    assertThat(reasonOf(goalId)).contains("partition");
    assertThat(reasonOf(otherGoal)).contains("bad signature");
    assertThat(
            probe.readAll(PREFIX + "switchboard-executor-effects").stream()
                .filter(record -> goalId.equals(record.key()))
                .map(record -> new String(record.value(), StandardCharsets.UTF_8))
                .filter(intent -> intent.contains("/demo/send")))
        .hasSize(1);
    assertThat(outboxLines(outbox, goalId)).isEqualTo(1);
    assertThat(outboxLines(outbox, otherGoal)).isZero();
  }

  private String reasonOf(String key) {
    return TopicProbe.deadLetterReason(
        probe.awaitRecord(
            NAMES.deadLetterOf(Topics.ACTION_REQUEST), record -> key.equals(record.key()), WAIT));
  }

  private ConfigurableApplicationContext start(Path keys, Path outbox) throws IOException {
    return new SpringApplicationBuilder(ExecutorApplication.class)
        .web(WebApplicationType.NONE)
        .properties(
            "spring.kafka.bootstrap-servers=" + brokers,
            "switchboard.kafka.topic-prefix=" + PREFIX,
            "switchboard.kafka.partitions=" + PARTITIONS,
            "switchboard.security.action-signing-key=" + Requests.KEY,
            "switchboard.security.event-signing.private-key-file="
                + keys.resolve(EventKeys.fileName(Service.EXECUTOR)),
            "switchboard.security.event-signing.trusted-keys-file="
                + keys.resolve(EventKeys.TRUSTED_KEYS_FILE),
            "switchboard.executor.outbox-dir=" + outbox,
            "spring.kafka.streams.state-dir=" + Files.createTempDirectory("replay-it-state"))
        .run();
  }

  private static WriterSignatures guardrailSignatures(Path keys) {
    EventKeys.SigningKey key =
        EventKeys.readSigningKey(keys.resolve(EventKeys.fileName(Service.GUARDRAIL)));
    return new WriterSignatures(
        Service.GUARDRAIL,
        key.keyId(),
        key.key(),
        EventKeys.readTrustedKeys(keys.resolve(EventKeys.TRUSTED_KEYS_FILE)));
  }

  private static Map<String, String> signed(WriterSignatures by, String key, byte[] value) {
    RecordHeaders headers = new RecordHeaders();
    by.sign(WriterSignatures.EVENT_DOMAIN, Topics.ACTION_REQUEST.baseName(), key, value, headers);
    Map<String, String> text = new LinkedHashMap<>();
    for (Header header : headers) {
      text.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    assertThat(text).containsKey(SwitchboardHeaders.SIGNATURE);
    return text;
  }

  /** The partition Kafka's Java producer gives the key, as the edge's record gate expects. */
  private static int partitionOf(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
  }

  private static long outboxLines(Path outbox, String goalId) throws IOException {
    Path file = outbox.resolve("outbox.jsonl");
    if (!Files.exists(file)) {
      return 0;
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(line -> line.contains(goalId + "/"))
        .count();
  }
}
