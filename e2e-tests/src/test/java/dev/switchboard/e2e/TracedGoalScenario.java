package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.edge.TraceConventions;
import dev.switchboard.edge.testing.TopicProbe;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * One goal with two approvals through all five services as ONE trace: it continues the caller's
 * trace id, each record is processed under the send span that wrote it, a person's wait is a span
 * from the escalation to the answer, and no argument or secret is an attribute. Reads that lead to
 * nothing (the trace-service journaling every record, a service only noting one) have no span, and
 * no span hangs under one of them.
 */
final class TracedGoalScenario {
  private static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";
  private static final String CALLER_SPAN = "eee19b7ec3c1b174";
  private static final Set<String> SERVICES =
      Set.of(
          "switchboard-planner",
          "switchboard-guardrail",
          "switchboard-executor",
          "switchboard-handoff");

  private final InJvmStack stack;
  private final StackClient client;

  TracedGoalScenario(InJvmStack stack, StackClient client) {
    this.stack = stack;
    this.client = client;
  }

  void goalIsOneTrace() {
    String goalId = "traced-" + UUID.randomUUID();
    try (TopicProbe probe = new TopicProbe(stack.bootstrapServers(), names())) {
      probe.sendRaw(
          names().of(Topics.GOALS),
          goalId,
          probe
              .codec()
              .encode(
                  new GoalSubmitted(
                      goalId,
                      UUID.randomUUID(),
                      null,
                      Instant.now(),
                      "demo",
                      "Tell ACME about the new pricing",
                      Map.of("account", "ACME"))),
          Map.of(SwitchboardHeaders.TRACEPARENT, "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01"));
    }
    Answer send = approve(goalId, "email.send");
    Answer log = approve(goalId, "crm.log_activity");
    JsonNode journal = client.awaitJournal(goalId, "COMPLETED");
    assertThat(journal.path("traceId").asString()).isEqualTo(TRACE_ID);

    List<SpanData> spans =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> spansOf(goalId),
                found ->
                    found.stream()
                        .anyMatch(
                            span -> span.getName().equals("send " + names().of(Topics.OUTCOME))));
    // The goal's end reaches the services that keep its state: quiet reads, no spans of their own.
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                spansOf(goalId).stream()
                    .noneMatch(
                        span -> span.getName().equals("process " + names().of(Topics.OUTCOME))));
    spans = spansOf(goalId);
    assertThat(spans).extracting(SpanData::getTraceId).containsOnly(TRACE_ID);
    assertThat(spans.stream().map(TracedGoalScenario::serviceOf).collect(Collectors.toSet()))
        .containsAll(SERVICES)
        .as("the trace-service only journals what it reads: quiet reads")
        .doesNotContain("switchboard-trace");
    Set<String> exported = spans.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
    assertThat(spans)
        .allSatisfy(
            span ->
                assertThat(span.getParentSpanId())
                    .as(
                        "parent of %s in %s: exported, not a quiet read",
                        span.getName(), serviceOf(span))
                    .isIn(union(exported, CALLER_SPAN)));
    Set<String> sends =
        spans.stream()
            .filter(span -> span.getKind() == SpanKind.PRODUCER)
            .map(SpanData::getSpanId)
            .collect(Collectors.toSet());
    assertThat(spans)
        .filteredOn(span -> span.getKind() == SpanKind.CONSUMER)
        .allSatisfy(
            span ->
                assertThat(span.getParentSpanId())
                    .as("parent of %s in %s", span.getName(), serviceOf(span))
                    .isIn(union(sends, CALLER_SPAN)));
    assertThat(spans)
        .filteredOn(span -> span.getParentSpanId().equals(CALLER_SPAN))
        .extracting(TracedGoalScenario::serviceOf)
        .as("the goal record is received by the planner, which plans (the guardrail only notes it)")
        .containsExactly("switchboard-planner");
    assertThat(spans)
        .filteredOn(span -> span.getName().startsWith("execute_tool "))
        .extracting(span -> span.getAttributes().get(TraceConventions.GEN_AI_TOOL_NAME))
        .contains("email.send", "crm.log_activity", "crm.lookup_account");
    List<SpanData> waits =
        spans.stream()
            .filter(span -> span.getName().startsWith(TraceConventions.AWAIT_PERSON))
            .toList();
    assertThat(waits).hasSize(2);
    assertWaited(waits, send);
    assertWaited(waits, log);
    assertGenAiSpans(spans);
    assertSwitchboardAttributes(spans);
    Set<String> pinned = pinnedAttributeNames();
    for (SpanData span : spans) {
      assertThat(span.getAttributes().asMap().keySet())
          .extracting(AttributeKey::getKey)
          .as("attributes of %s", span.getName())
          .allMatch(pinned::contains);
      assertThat(span.getAttributes().asMap().values())
          .extracting(String::valueOf)
          .as("attribute values of %s", span.getName())
          .noneMatch(value -> value.contains("pat.lee@acme.example"))
          .noneMatch(value -> value.contains("Hello Pat"))
          .noneMatch(value -> value.contains(InJvmStack.SIGNING_KEY))
          .noneMatch(value -> value.contains(InJvmStack.OPERATOR_TOKEN))
          .noneMatch(value -> value.contains(InJvmStack.SALES_TOOLS_TOKEN));
      assertThat(span.getAttributes().asMap().keySet())
          .as("content of %s with capture-content off", span.getName())
          .doesNotContain(
              TraceConventions.GEN_AI_TOOL_CALL_ARGUMENTS,
              TraceConventions.GEN_AI_TOOL_CALL_RESULT,
              TraceConventions.GEN_AI_INPUT_MESSAGES,
              TraceConventions.GEN_AI_OUTPUT_MESSAGES);
    }
  }

  /**
   * The goal under its agent is one {@code invoke_agent demo} span from the planner's first
   * decision to the end; each proposal a {@code plan demo}; every span of the agent's work, in
   * every service, names the agent.
   */
  private void assertGenAiSpans(List<SpanData> spans) {
    SpanData agent = only(spans, "invoke_agent demo");
    assertThat(serviceOf(agent)).isEqualTo("switchboard-planner");
    assertThat(agent.getAttributes().get(TraceConventions.GEN_AI_OPERATION_NAME))
        .isEqualTo("invoke_agent");
    assertThat(agent.getAttributes().get(TraceConventions.GEN_AI_AGENT_NAME)).isEqualTo("demo");
    SpanData received =
        spans.stream()
            .filter(span -> span.getName().equals("process " + names().of(Topics.GOALS)))
            .filter(span -> serviceOf(span).equals("switchboard-planner"))
            .findFirst()
            .orElseThrow();
    assertThat(agent.getParentSpanId())
        .as("the agent's span hangs under the decision in which it took the goal")
        .isEqualTo(received.getSpanId());
    assertThat(agent.getStartEpochNanos()).isGreaterThanOrEqualTo(received.getStartEpochNanos());
    assertThat(agent.getEndEpochNanos())
        .as("it ends when the goal ends, after every tool ran")
        .isGreaterThan(
            spans.stream()
                .filter(span -> span.getName().startsWith("execute_tool "))
                .mapToLong(SpanData::getEndEpochNanos)
                .max()
                .orElseThrow());
    assertThat(spans)
        .filteredOn(span -> span.getName().equals("plan demo"))
        .isNotEmpty()
        .allSatisfy(
            plan -> {
              assertThat(serviceOf(plan)).isEqualTo("switchboard-planner");
              assertThat(plan.getAttributes().get(TraceConventions.GEN_AI_OPERATION_NAME))
                  .isEqualTo("plan");
            });
    assertThat(spans)
        .filteredOn(
            span ->
                span.getName().startsWith("execute_tool ")
                    || span.getName().endsWith(" " + names().of(Topics.ACTION_REQUEST))
                    || span.getName().endsWith(" " + names().of(Topics.PLAN))
                    || (serviceOf(span).equals("switchboard-planner")
                        // a due timer's record keeps only the context it was set in
                        && !span.getName().contains("effect-results")))
        .isNotEmpty()
        .allSatisfy(
            span ->
                assertThat(span.getAttributes().get(TraceConventions.GEN_AI_AGENT_NAME))
                    .as("agent on %s in %s", span.getName(), serviceOf(span))
                    .isEqualTo("demo"));
  }

  /** The guardrail's decisions, the handoff's source and target, the approver of each answer. */
  private void assertSwitchboardAttributes(List<SpanData> spans) {
    List<SpanData> verdicts =
        spans.stream()
            .filter(span -> span.getName().equals("send " + names().of(Topics.VERDICT)))
            .toList();
    assertThat(verdicts)
        .extracting(span -> span.getAttributes().get(TraceConventions.GUARDRAIL_DECISION))
        .contains("allowed", "escalated");
    assertThat(verdicts)
        .allSatisfy(
            span -> {
              assertThat(span.getAttributes().get(TraceConventions.GUARDRAIL_RULE)).isNotBlank();
              assertThat(span.getAttributes().get(TraceConventions.GUARDRAIL_POLICY)).isNotBlank();
              assertThat(span.getAttributes().get(TraceConventions.ACTION_ID)).isNotBlank();
            });
    assertThat(verdicts)
        .extracting(span -> span.getAttributes().get(TraceConventions.APPROVER))
        .as("the verdicts after the approvals name the approver")
        .contains("local-operator");
    assertThat(spans)
        .filteredOn(span -> serviceOf(span).equals("switchboard-handoff"))
        .filteredOn(span -> span.getName().equals("process " + names().of(Topics.ESCALATION)))
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(
            span -> {
              assertThat(span.getAttributes().get(TraceConventions.HANDOFF_SOURCE))
                  .isEqualTo("agent:demo");
              assertThat(span.getAttributes().get(TraceConventions.HANDOFF_TARGET))
                  .startsWith("human:");
            });
    assertThat(spans)
        .filteredOn(span -> span.getName().endsWith(" " + names().of(Topics.RESOLUTION)))
        .filteredOn(
            span ->
                span.getName().startsWith("send ") || serviceOf(span).equals("switchboard-planner"))
        .hasSizeGreaterThanOrEqualTo(4)
        .allSatisfy(
            span ->
                assertThat(span.getAttributes().get(TraceConventions.APPROVER))
                    .as("approver on %s in %s", span.getName(), serviceOf(span))
                    .isEqualTo("local-operator"));
  }

  private static SpanData only(List<SpanData> spans, String name) {
    List<SpanData> named = spans.stream().filter(span -> span.getName().equals(name)).toList();
    assertThat(named).as(name).hasSize(1);
    return named.getFirst();
  }

  /** A person's answer: the item's escalation time and when the answer was given. */
  private record Answer(String escalationId, Instant escalatedAt, Instant before, Instant after) {}

  private Answer approve(String goalId, String tool) {
    JsonNode item = client.awaitPendingApproval(goalId, tool);
    String escalationId = item.path("escalationId").asString();
    Instant before = Instant.now();
    HttpResponse<String> approved = client.approve(escalationId, "traced");
    Instant after = Instant.now();
    assertThat(approved.statusCode()).isEqualTo(202);
    return new Answer(
        escalationId, Instant.parse(item.path("createdAt").asString()), before, after);
  }

  /** The wait span runs from the escalation to the person's answer: the real wait. */
  private static void assertWaited(List<SpanData> waits, Answer answer) {
    SpanData wait =
        waits.stream()
            .filter(
                span ->
                    answer
                        .escalationId()
                        .equals(span.getAttributes().get(TraceConventions.ESCALATION_ID)))
            .findFirst()
            .orElseThrow();
    assertThat(Instant.ofEpochSecond(0, wait.getStartEpochNanos())).isEqualTo(answer.escalatedAt());
    assertThat(Instant.ofEpochSecond(0, wait.getEndEpochNanos()))
        .isBetween(answer.before(), answer.after());
    assertThat(wait.getAttributes().get(TraceConventions.APPROVER)).isEqualTo("local-operator");
    assertThat(serviceOf(wait)).isEqualTo("switchboard-handoff");
  }

  private List<SpanData> spansOf(String goalId) {
    return stack.finishedSpans().stream()
        .filter(span -> goalId.equals(span.getAttributes().get(TraceConventions.GOAL_ID)))
        .toList();
  }

  private TopicNames names() {
    return new TopicNames(stack.topicPrefix());
  }

  private static String serviceOf(SpanData span) {
    return span.getResource().getAttribute(InJvmStack.SERVICE_NAME);
  }

  private static Set<String> union(Set<String> ids, String more) {
    Set<String> all = new java.util.HashSet<>(ids);
    all.add(more);
    return all;
  }

  /** Every attribute name {@link TraceConventions} pins. */
  private static Set<String> pinnedAttributeNames() {
    return Arrays.stream(TraceConventions.class.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()))
        .filter(field -> field.getType() == AttributeKey.class)
        .map(TracedGoalScenario::keyOf)
        .collect(Collectors.toSet());
  }

  private static String keyOf(Field field) {
    try {
      return ((AttributeKey<?>) field.get(null)).getKey();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
