package dev.switchboard.e2e;

import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.GoalClient;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.edge.testing.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Good goals of the demo agent under fault: submitted in batches, their approvals given and their
 * outcome questions answered by an operator loop through the inbox API (which retries while the
 * inbox is down), their outcomes read from {@code outcome}. A question whether a side effect
 * happened is answered from the example server's ledger, as a person would look.
 */
final class GoalLoad implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GoalLoad.class);
  private static final Pattern ACTION_OF_QUESTION = Pattern.compile("Action (\\S+) \\(");

  private final String name;
  private final StackClient client;
  private final GoalClient goals;
  private final TopicProbe probe;
  private final Set<String> goalIds = ConcurrentHashMap.newKeySet();
  private final Set<String> decided = ConcurrentHashMap.newKeySet();
  private final Set<String> unexpected = ConcurrentHashMap.newKeySet();
  private final AtomicInteger approvals = new AtomicInteger();
  private final AtomicInteger questions = new AtomicInteger();
  private final ScheduledExecutorService operator = Executors.newSingleThreadScheduledExecutor();

  GoalLoad(String name, StackClient client, GoalClient goals, TopicProbe probe) {
    this.name = name;
    this.client = client;
    this.goals = goals;
    this.probe = probe;
    operator.scheduleWithFixedDelay(this::decidePending, 0, 500, TimeUnit.MILLISECONDS);
  }

  /** Submits {@code count} goals; one in {@code slowEvery} gets the 20 s {@code email.send}. */
  List<String> submit(int count, int slowEvery) {
    List<String> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      boolean slow = slowEvery > 0 && i % slowEvery == 0;
      String goalId =
          (slow ? LocalStack.SLOW_SEND_MARKER : "")
              + name
              + "-"
              + i
              + "-"
              + UUID.randomUUID().toString().substring(0, 8);
      goalIds.add(goalId);
      goals.submit(
          new GoalSubmitted(
              goalId,
              UUID.randomUUID(),
              null,
              Instant.now(),
              "demo",
              "Tell ACME about the new pricing",
              Map.of("account", "ACME")));
      batch.add(goalId);
    }
    return batch;
  }

  Set<String> goalIds() {
    return Set.copyOf(goalIds);
  }

  int approvals() {
    return approvals.get();
  }

  int questions() {
    return questions.get();
  }

  /** Inbox items of this load's goals the operator did not expect (e.g. a handoff to people). */
  Set<String> unexpected() {
    return Set.copyOf(unexpected);
  }

  /** The emails the example server sent for a goal's {@code email.send}. */
  int emailsOf(String goalId) {
    return client.ledger(goalId + "/demo/send").path("emails").size();
  }

  /** Waits until every goal of this load has an outcome and returns them by goalId. */
  Map<String, OutcomeEvent> awaitOutcomes(Duration atMost) {
    await("goals of " + name + " without an outcome")
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(2))
        .until(this::withoutOutcome, Set::isEmpty);
    return outcomes();
  }

  private Set<String> withoutOutcome() {
    Set<String> missing = new java.util.TreeSet<>(goalIds);
    missing.removeAll(outcomes().keySet());
    return missing;
  }

  /** The outcomes so far, by goalId (a forged outcome would be dead-lettered, not read here). */
  Map<String, OutcomeEvent> outcomes() {
    Map<String, OutcomeEvent> found = new ConcurrentHashMap<>();
    for (ConsumerRecord<String, byte[]> record : probe.readAll(probe.names().of(Topics.OUTCOME))) {
      if (record.key() != null
          && goalIds.contains(record.key())
          && TopicProbe.header(record, "switchboard-signer") != null) {
        try {
          found.putIfAbsent(record.key(), probe.codec().decode(Topics.OUTCOME, record.value()));
        } catch (RuntimeException unreadable) {
          // not an outcome of ours
        }
      }
    }
    return found;
  }

  /** Idempotency keys of this load's goals the example server acted on more than once. */
  List<String> duplicateEffects() {
    List<String> duplicates = new ArrayList<>();
    for (JsonNode key : client.ledger(null).path("idempotencyKeys")) {
      String id = key.path("key").asString();
      if (goalIds.stream().anyMatch(goalId -> id.startsWith(goalId + "/"))
          && key.path("effects").asInt() > 1) {
        duplicates.add(id + " x" + key.path("effects").asInt());
      }
    }
    return duplicates;
  }

  private void decidePending() {
    try {
      for (JsonNode item : client.allPending()) {
        String goalId = item.path("goalId").asString();
        String escalationId = item.path("escalationId").asString();
        if (!goalIds.contains(goalId) || decided.contains(escalationId)) {
          continue;
        }
        String type = item.path("type").asString();
        int status;
        if (type.equals("ApprovalRequested")) {
          status = client.approve(escalationId, "fault suite").statusCode();
          if (status == 202) {
            approvals.incrementAndGet();
          }
        } else if (type.equals("QuestionAsked")) {
          String answer = answerTo(item.path("reason").asString());
          status = client.answer(escalationId, answer).statusCode();
          if (status == 202) {
            questions.incrementAndGet();
            log.info("{}: answered '{}' to {}", goalId, answer, item.path("reason").asString());
          }
        } else {
          unexpected.add(goalId + ": " + type + " " + item.path("reason").asString());
          continue;
        }
        if (status == 202) {
          decided.add(escalationId);
        }
      }
    } catch (RuntimeException whileAServiceIsDown) {
      log.debug("operator loop: {}", whileAServiceIsDown.toString());
    }
  }

  /**
   * "Did it happen?": the ledger says whether the server sent the email with the action's key. If
   * it did, the answer is the send's output as a JSON object (the planner takes that as 'happened'
   * with the facts the next step needs; a bare 'happened' is asked again for the output, as the
   * question says).
   */
  private String answerTo(String question) {
    Matcher action = ACTION_OF_QUESTION.matcher(question);
    if (!action.find()) {
      return "retry";
    }
    JsonNode emails = client.ledger(action.group(1)).path("emails");
    if (emails.isEmpty()) {
      return "retry";
    }
    JsonNode email = emails.get(0);
    return "{\\\"message_id\\\":\\\""
        + email.path("messageId").asString()
        + "\\\",\\\"delivered_to\\\":\\\""
        + email.path("to").asString()
        + "\\\"}";
  }

  @Override
  public void close() {
    operator.shutdownNow();
  }
}
