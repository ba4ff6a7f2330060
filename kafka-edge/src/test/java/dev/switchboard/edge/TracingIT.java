package dev.switchboard.edge;

import static dev.switchboard.edge.ScriptedGoals.submitted;
import static dev.switchboard.edge.ScriptedGoals.summaries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.GoalEvent.GoalCancelled;
import dev.switchboard.edge.testing.EmbeddedBrokerTest;
import dev.switchboard.edge.testing.TopicProbe;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/** One goal's records, effects and timers as one trace, through the topology and the worker. */
@EmbeddedBrokerTest
@SpringBootTest(
    classes = TracingIT.TracedApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "switchboard.kafka.topic-prefix=tracing-it-",
      "switchboard.effects.timer-interval=100ms"
    })
class TracingIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01";

  @Autowired InMemorySpanExporter spans;

  @Autowired TopicNames names;
  @EmbeddedBrokerTest.Probe TopicProbe probe;

  @Test
  void shouldContinueTheCallersTraceThroughAnEffect() {
    String goalId = "traced-" + UUID.randomUUID();

    sendGoal(goalId, "effect:echo", Map.of(SwitchboardHeaders.TRACEPARENT, TRACEPARENT));

    awaitSummary(goalId, "result Succeeded attempt 1: {\"text\":\"" + goalId + "\"}");
    List<SpanData> goal =
        await()
            .atMost(WAIT)
            .until(
                () -> spansOf(goalId),
                s ->
                    s.stream()
                        .anyMatch(
                            span ->
                                span.getName().equals("send " + names.of(Topics.OUTCOME))
                                    && s.stream()
                                        .anyMatch(
                                            run ->
                                                run.getName().equals("echo echo")
                                                    && run.getSpanId()
                                                        .equals(span.getParentSpanId()))));
    assertThat(goal).extracting(SpanData::getTraceId).containsOnly(TRACE_ID);
    SpanData received = only(goal, "process " + names.of(Topics.GOALS));
    assertThat(received.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(received.getParentSpanId()).isEqualTo(CALLER_SPAN);
    assertThat(received.getAttributes().get(TraceConventions.MESSAGING_SYSTEM)).isEqualTo("kafka");
    assertThat(received.getAttributes().get(TraceConventions.MESSAGING_CONSUMER_GROUP_NAME))
        .isEqualTo("tracing-it-switchboard-planner");
    assertThat(received.getAttributes().get(TraceConventions.MESSAGING_KAFKA_MESSAGE_KEY))
        .isEqualTo(goalId);
    assertThat(received.getAttributes().get(TraceConventions.MESSAGING_KAFKA_OFFSET)).isNotNull();
    // The goal is the only record read here that is not the edge's own: the only process span.
    assertThat(goal).filteredOn(span -> span.getKind() == SpanKind.CONSUMER).containsOnly(received);
    // The edge's own records (intent, result) carry the context but have no spans of their own:
    // the effect runs under the decision that asked for it.
    SpanData run = only(goal, "echo echo");
    assertThat(run.getParentSpanId()).isEqualTo(received.getSpanId());
    assertThat(run.getAttributes().get(TraceConventions.EFFECT_ATTEMPT)).isEqualTo(1L);
    assertThat(goal)
        .extracting(SpanData::getName)
        .noneMatch(name -> name.endsWith(" " + ScriptedGoals.intentsTopic(names)))
        .noneMatch(name -> name.endsWith(" " + ScriptedGoals.resultsTopic(names)));
    // The result's processing writes the outcome under the run's trace.
    ConsumerRecord<String, byte[]> outcome =
        probe.awaitRecord(
            names.of(Topics.OUTCOME),
            record -> goalId.equals(record.key()) && text(record.value()).contains("Succeeded"),
            WAIT);
    assertThat(TopicProbe.header(outcome, SwitchboardHeaders.TRACEPARENT))
        .startsWith("00-" + TRACE_ID + "-")
        .doesNotContain(CALLER_SPAN);
  }

  @Test
  void shouldAddWhatADecisionNotesToItsSpansAndCarryTheAgentToTheEffect() {
    String goalId = "noted-" + UUID.randomUUID();
    String agentSpan = "1111111111111111";
    String agentTrace = "00-" + TRACE_ID + "-" + agentSpan + "-01";

    sendGoal(
        goalId,
        ScriptedGoals.NOTED + agentTrace,
        Map.of(SwitchboardHeaders.TRACEPARENT, TRACEPARENT));

    awaitSummary(goalId, "result Succeeded attempt 1: {\"text\":\"" + goalId + "\"}");
    List<SpanData> goal =
        await()
            .atMost(WAIT)
            .until(
                () -> spansOf(goalId),
                s -> s.stream().anyMatch(span -> span.getName().equals("echo echo")));
    SpanData received = only(goal, "process " + names.of(Topics.GOALS));
    assertThat(received.getAttributes().get(TraceConventions.ACTION_ID)).isEqualTo("a-1");
    assertThat(received.getAttributes().get(TraceConventions.GEN_AI_AGENT_NAME))
        .isEqualTo("scripted");
    // The agent travels in the intent's baggage to the worker: its spans name the agent too.
    SpanData run = only(goal, "echo echo");
    assertThat(run.getAttributes().get(TraceConventions.GEN_AI_AGENT_NAME)).isEqualTo("scripted");
    assertThat(goal)
        .filteredOn(span -> span.getName().equals("send " + names.of(Topics.OUTCOME)))
        .filteredOn(span -> span.getParentSpanId().equals(received.getSpanId()))
        .singleElement()
        .satisfies(
            send ->
                assertThat(send.getAttributes().get(TraceConventions.HANDOFF_TARGET))
                    .isEqualTo("human:desk"));
    SpanData plan = only(goal, "plan scripted");
    assertThat(plan.getParentSpanId()).isEqualTo(received.getSpanId());
    assertThat(plan.getAttributes().get(TraceConventions.GEN_AI_AGENT_NAME)).isEqualTo("scripted");
    // A span begun long ago is recorded with its stored start, under its stored context.
    SpanData agent = only(goal, "invoke_agent scripted");
    assertThat(agent.getParentSpanId()).isEqualTo(agentSpan);
    assertThat(agent.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(Instant.ofEpochSecond(0, agent.getStartEpochNanos()))
        .isEqualTo(ScriptedGoals.NOTED_SINCE);
    assertThat(agent.getAttributes().get(TraceConventions.ERROR_TYPE)).isEqualTo("goal_failed");
  }

  @Test
  void shouldStartATraceForAGoalWithoutOneAndKeepItForItsTimers() {
    String goalId = "untraced-" + UUID.randomUUID();

    sendGoal(goalId, "timer:200", Map.of());

    awaitSummary(goalId, "timer fired t-2");
    List<SpanData> goal =
        await()
            .atMost(WAIT)
            .until(
                () -> spansOf(goalId),
                s ->
                    s.stream()
                            .filter(
                                span -> span.getName().equals("send " + names.of(Topics.OUTCOME)))
                            .count()
                        >= 3);
    SpanData received = only(goal, "process " + names.of(Topics.GOALS));
    assertThat(received.getParentSpanContext().isValid()).as("a new trace").isFalse();
    assertThat(goal).extracting(SpanData::getTraceId).containsOnly(received.getTraceId());
    // What a due timer's decision writes continues the context the timer was set in.
    assertThat(goal)
        .filteredOn(span -> span.getName().equals("send " + names.of(Topics.OUTCOME)))
        .allSatisfy(send -> assertThat(send.getParentSpanId()).isEqualTo(received.getSpanId()));
  }

  @Test
  void shouldLeaveNoSpanForAReadThatLedToNothing() {
    String goalId = "quiet-" + UUID.randomUUID();

    sendGoal(goalId, ScriptedGoals.QUIET, Map.of(SwitchboardHeaders.TRACEPARENT, TRACEPARENT));
    // Behind it on the same partition: a cancel, whose decision writes an outcome.
    probe.sendRaw(
        names.of(Topics.GOALS),
        goalId,
        probe
            .codec()
            .encode(
                new GoalCancelled(goalId, UUID.randomUUID(), null, Instant.now(), "test", "it")),
        Map.of(SwitchboardHeaders.TRACEPARENT, TRACEPARENT));

    awaitSummary(goalId, "timer cancelled");
    List<SpanData> goal =
        await()
            .atMost(WAIT)
            .until(
                () -> spansOf(goalId),
                s ->
                    s.stream()
                        .anyMatch(
                            span -> span.getName().equals("send " + names.of(Topics.OUTCOME))));
    SpanData received = only(goal, "process " + names.of(Topics.GOALS));
    assertThat(received.getAttributes().get(TraceConventions.EVENT_TYPE))
        .as("the cancel's read, not the quiet submission's")
        .isEqualTo("GoalCancelled");
    assertThat(goal).extracting(SpanData::getTraceId).containsOnly(TRACE_ID);
  }

  private void sendGoal(String goalId, String description, Map<String, String> headers) {
    probe.sendRaw(
        names.of(Topics.GOALS),
        goalId,
        probe.codec().encode(submitted(goalId, description)),
        headers);
  }

  private List<SpanData> spansOf(String goalId) {
    return spans.getFinishedSpanItems().stream()
        .filter(span -> goalId.equals(span.getAttributes().get(TraceConventions.GOAL_ID)))
        .toList();
  }

  private static SpanData only(List<SpanData> spans, String name) {
    List<SpanData> named = spans.stream().filter(span -> span.getName().equals(name)).toList();
    assertThat(named).as(name).hasSize(1);
    return named.getFirst();
  }

  private static String text(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }

  private void awaitSummary(String goalId, String summary) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> summaries(probe, goalId).contains(summary));
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class TracedApplication {
    @Bean
    ScriptedGoals scriptedGoals() {
      return new ScriptedGoals(Duration.ofMinutes(3));
    }

    @Bean
    ScriptedGoals.Handlers handlers() {
      return new ScriptedGoals.Handlers();
    }

    @Bean
    TopicProbe handlerProbe(
        @Value("${spring.embedded.kafka.brokers}") String brokers, TopicNames names) {
      return new TopicProbe(brokers, names);
    }

    @Bean
    EffectHandler echo(ScriptedGoals.Handlers handlers, TopicProbe handlerProbe) {
      return handlers.echo(handlerProbe);
    }

    @Bean
    InMemorySpanExporter spans() {
      return InMemorySpanExporter.create();
    }

    @Bean
    OpenTelemetry openTelemetry(InMemorySpanExporter spans) {
      return OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .build();
    }
  }
}
