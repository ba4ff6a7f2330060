package dev.switchboard.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.edge.testing.TopicProbe;
import dev.switchboard.executor.tool.DemoSendTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    // One key, one partition, in order: once the later action's result is there, any second
    // result for the send would be too.
    probe.awaitRecord(
        probe.names().of(Topics.ACTION_RESULT),
        record ->
            goalId.equals(record.key())
                && new String(record.value(), StandardCharsets.UTF_8).contains("/step-1"),
        Duration.ofSeconds(30));
    assertThat(probe.events(Topics.ACTION_RESULT, goalId))
        .extracting(ActionResultEvent::actionId)
        .containsExactly(goalId + "/step-2", goalId + "/step-1");
    assertThat(outboxLinesFor(goalId)).isEqualTo(1);
  }

  private long outboxLinesFor(String goalId) throws Exception {
    Path outbox = demoSend.outbox();
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
