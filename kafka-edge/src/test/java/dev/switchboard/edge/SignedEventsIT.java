package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.EventKeys;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.edge.testing.EmbeddedBrokerTest;
import dev.switchboard.edge.testing.TopicProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With event-signing keys, a service takes only events its topic's one writer signed, and signs
 * what it writes: an unsigned event, one signed by another service and one changed after signing
 * are dead-lettered with the reason and never decided on.
 */
@EmbeddedBrokerTest
@SpringBootTest(
    classes = SignedEventsIT.CountingApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"switchboard.kafka.topic-prefix=signed-it-"})
class SignedEventsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Path KEYS = keys();

  @Autowired TopicNames names;
  @EmbeddedBrokerTest.Probe TopicProbe probe;

  @DynamicPropertySource
  static void keyFiles(DynamicPropertyRegistry registry) {
    registry.add(
        "switchboard.security.event-signing.private-key-file",
        () -> KEYS.resolve(EventKeys.fileName(Service.PLANNER)).toString());
    registry.add(
        "switchboard.security.event-signing.trusted-keys-file",
        () -> KEYS.resolve(EventKeys.TRUSTED_KEYS_FILE).toString());
  }

  @Test
  void shouldDecideOnlyOnEventsTheTopicsWriterSignedAndSignWhatItWrites() {
    String goalId = "signed-" + UUID.randomUUID();
    send(Topics.VERDICT, allowed(goalId), null);
    send(Topics.VERDICT, allowed(goalId), signer(Service.PLANNER));
    ActionAllowed changed = allowed(goalId);
    Map<String, String> headers = signedHeaders(Topics.VERDICT, allowed(goalId), Service.GUARDRAIL);
    probe.sendRaw(names.of(Topics.VERDICT), goalId, probe.codec().encode(changed), headers);
    ActionAllowed genuine = allowed(goalId);
    send(Topics.VERDICT, genuine, signer(Service.GUARDRAIL));

    ConsumerRecord<String, byte[]> outcome =
        probe.awaitRecord(names.of(Topics.OUTCOME), record -> goalId.equals(record.key()), WAIT);
    GoalCompleted counted = (GoalCompleted) probe.codec().decode(Topics.OUTCOME, outcome.value());
    assertThat(counted.summary()).isEqualTo("seen 1 events");
    assertThat(counted.causationId()).isEqualTo(genuine.eventId());
    assertThat(deadLetterReason(goalId, "not signed")).isNotNull();
    assertThat(deadLetterReason(goalId, "signed by PLANNER")).isNotNull();
    assertThat(deadLetterReason(goalId, "bad signature")).isNotNull();
    // What the service wrote verifies as the planner's, the outcome topic's one writer.
    EventSignatures reader =
        new EventSigningProperties(null, KEYS.resolve(EventKeys.TRUSTED_KEYS_FILE).toString())
            .signatures(Service.TRACE);
    RecordHeaders written = new RecordHeaders(outcome.headers().toArray());
    assertThat(reader.problemWith(Topics.OUTCOME, goalId, outcome.value(), written)).isEmpty();
    assertThat(probe.events(Topics.OUTCOME, goalId)).hasSize(1);
  }

  @Test
  void shouldTakeUnsignedGoalsFromOutsideProducers() {
    GoalSubmitted goal =
        new GoalSubmitted(
            "signed-" + UUID.randomUUID(),
            UUID.randomUUID(),
            null,
            Instant.now(),
            null,
            "x",
            Map.of());
    probe.send(Topics.GOALS, goal);

    probe.awaitEvent(Topics.OUTCOME, goal.goalId(), GoalCompleted.class, WAIT);
  }

  private String deadLetterReason(String key, String reasonPart) {
    return TopicProbe.deadLetterReason(
        probe.awaitDeadLetter(Topics.VERDICT, key, reasonPart, WAIT));
  }

  private void send(Topic<?> topic, SwitchboardEvent event, EventSignatures signer) {
    Map<String, String> headers = signer == null ? Map.of() : signedHeaders(topic, event, signer);
    probe.sendRaw(names.of(topic), event.goalId(), probe.codec().encode(event), headers);
  }

  private Map<String, String> signedHeaders(Topic<?> topic, SwitchboardEvent event, Service by) {
    return signedHeaders(topic, event, signer(by));
  }

  private Map<String, String> signedHeaders(
      Topic<?> topic, SwitchboardEvent event, EventSignatures signer) {
    RecordHeaders headers = new RecordHeaders();
    signer.sign(topic, event.goalId(), probe.codec().encode(event), headers);
    Map<String, String> text = new LinkedHashMap<>();
    for (Header header : headers) {
      text.put(header.key(), new String(header.value()));
    }
    assertThat(text).containsKeys(SwitchboardHeaders.SIGNATURE, SwitchboardHeaders.SIGNER);
    return text;
  }

  private static EventSignatures signer(Service service) {
    return new EventSigningProperties(
            KEYS.resolve(EventKeys.fileName(service)).toString(),
            KEYS.resolve(EventKeys.TRUSTED_KEYS_FILE).toString())
        .signatures(service);
  }

  private static ActionAllowed allowed(String goalId) {
    return new ActionAllowed(
        goalId, UUID.randomUUID(), null, Instant.now(), goalId + "/step-1", "allow-all");
  }

  private static Path keys() {
    try {
      Path dir = Files.createTempDirectory("signed-it-keys");
      EventKeys.generateMissing(dir, List.of(Service.PLANNER, Service.GUARDRAIL));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SpringBootApplication
  static class CountingApplication {
    @Bean
    CountingGoals counter() {
      return new CountingGoals(Topics.GOALS, Topics.VERDICT);
    }
  }
}
