package dev.switchboard.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.ActionResultEvent.ActionFailed;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.edge.testing.TopicProbe;
import dev.switchboard.executor.tool.DemoSendTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(
    classes = ExecutorApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "switchboard.security.action-signing-key=" + Requests.KEY,
      "switchboard.executor.outbox-dir=target/it-outbox"
    })
class ExecutorIT {
  @Value("${spring.embedded.kafka.brokers}")
  String brokers;

  @Autowired DemoSendTool demoSend;

  TopicProbe probe;

  @BeforeEach
  void openProbe() {
    probe = new TopicProbe(brokers, TopicNames.unprefixed());
  }

  @AfterEach
  void closeProbe() {
    probe.close();
  }

  @Test
  void shouldRunASignedLookupAndReportItsResult() {
    String goalId = newGoalId();
    ActionRequested request = Requests.lookup(goalId, "ACME");

    probe.send(Topics.ACTION_REQUEST, request);

    ActionSucceeded result = probe.awaitEvent(Topics.ACTION_RESULT, goalId, ActionSucceeded.class);
    assertThat(result.actionId()).isEqualTo(goalId + "/step-1");
    assertThat(result.causationId()).isEqualTo(request.eventId());
    assertThat(result.output().get("contact").asString()).isEqualTo("pat.lee@acme.example");
    // It went the effect's way: an intent, then its result, on the executor's own topics.
    assertThat(recordsOf("switchboard-executor-effects", goalId))
        .singleElement()
        .satisfies(intent -> assertThat(intent).contains("\"type\":\"Intent\""));
    assertThat(recordsOf("switchboard-executor-effect-results", goalId))
        .anyMatch(record -> record.contains("\"type\":\"Finished\""));
  }

  @Test
  void shouldAnswerAnExpiredRequestWithoutRunningIt() throws Exception {
    String goalId = newGoalId();
    ActionRequested expired =
        Requests.SIGNER.sign(
            Requests.unsigned(
                goalId,
                goalId + "/step-2",
                "demo.send",
                true,
                "{\"to\":\"pat.lee@acme.example\",\"subject\":\"Hi\",\"body\":\"Late\"}",
                Instant.now().minusSeconds(1)));

    probe.send(Topics.ACTION_REQUEST, expired);

    ActionFailed failed = probe.awaitEvent(Topics.ACTION_RESULT, goalId, ActionFailed.class);
    assertThat(failed.error()).isEqualTo("request expired; nothing ran");
    assertThat(outboxLinesFor(goalId)).isZero();
    assertThat(recordsOf("switchboard-executor-effects", goalId)).isEmpty();
  }

  @Test
  void shouldDeadLetterATamperedRequestAndRunTheNextGoodOne() {
    String goalId = newGoalId();
    ActionRequested signed = Requests.lookup(goalId, "ACME");
    ActionRequested tampered =
        new ActionRequested(
            goalId,
            signed.eventId(),
            signed.causationId(),
            signed.occurredAt(),
            withArguments(signed.action(), "{\"account\":\"Globex\"}"),
            signed.approvedBy(),
            signed.expiresAt(),
            signed.keyId(),
            signed.signature());

    probe.send(Topics.ACTION_REQUEST, tampered);
    probe.send(Topics.ACTION_REQUEST, Requests.lookup(goalId, "Initech"));

    ConsumerRecord<String, byte[]> deadLetter =
        probe.awaitRecord(
            probe.names().deadLetterOf(Topics.ACTION_REQUEST),
            record -> goalId.equals(record.key()),
            Duration.ofSeconds(30));
    assertThat(TopicProbe.deadLetterReason(deadLetter)).isEqualTo("signature does not verify");
    ActionSucceeded next = probe.awaitEvent(Topics.ACTION_RESULT, goalId, ActionSucceeded.class);
    assertThat(next.output().get("account").asString()).isEqualTo("Initech");
    assertThat(probe.events(Topics.ACTION_RESULT, goalId)).hasSize(1);
  }

  @Test
  void shouldSendOnceWhenTheSameRequestArrivesTwice() throws Exception {
    String goalId = newGoalId();
    ActionRequested send =
        Requests.signed(
            goalId,
            goalId + "/step-2",
            "demo.send",
            true,
            "{\"to\":\"pat.lee@acme.example\",\"subject\":\"Hi\",\"body\":\"Hello Pat\"}");
    ActionRequested resent =
        Requests.SIGNER.sign(
            new ActionRequested(
                goalId,
                UUID.randomUUID(),
                send.causationId(),
                send.occurredAt(),
                send.action(),
                null,
                send.expiresAt(),
                null,
                null));
    ActionRequested later = Requests.lookup(goalId, "ACME");

    probe.send(Topics.ACTION_REQUEST, send);
    probe.send(Topics.ACTION_REQUEST, send);
    probe.send(Topics.ACTION_REQUEST, resent);
    probe.send(Topics.ACTION_REQUEST, later);

    // Requests of one goal are taken in order: once the later action's intent is there, a second
    // intent for the send would be too. Results come as their effects end, in any order.
    probe.awaitRecord(
        "switchboard-executor-effects",
        record ->
            goalId.equals(record.key())
                && new String(record.value(), StandardCharsets.UTF_8).contains("/step-1"),
        Duration.ofSeconds(30));
    assertThat(recordsOf("switchboard-executor-effects", goalId))
        .hasSize(2)
        .satisfiesExactly(
            first -> assertThat(first).contains("/step-2"),
            second -> assertThat(second).contains("/step-1"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> probe.events(Topics.ACTION_RESULT, goalId).size() == 2);
    assertThat(probe.events(Topics.ACTION_RESULT, goalId))
        .extracting(ActionResultEvent::actionId)
        .containsExactlyInAnyOrder(goalId + "/step-2", goalId + "/step-1");
    assertThat(outboxLinesFor(goalId)).isEqualTo(1);
  }

  private List<String> recordsOf(String topic, String goalId) {
    return probe.readAll(topic).stream()
        .filter(record -> goalId.equals(record.key()))
        .map(record -> new String(record.value(), StandardCharsets.UTF_8))
        .toList();
  }

  private long outboxLinesFor(String goalId) throws Exception {
    Path outbox = demoSend.outbox();
    if (!Files.exists(outbox)) {
      return 0;
    }
    return Files.readAllLines(outbox, StandardCharsets.UTF_8).stream()
        .filter(line -> line.contains(goalId))
        .count();
  }

  private static PlannedAction withArguments(PlannedAction action, String arguments) {
    return new PlannedAction(
        action.actionId(),
        action.tool(),
        Requests.json(arguments),
        action.dependsOn(),
        action.sideEffect(),
        action.rationale());
  }

  private static String newGoalId() {
    return "executor-it-" + UUID.randomUUID();
  }
}
