package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The effect spans' names and attributes, and their content with capture off and on. */
class EffectSpansTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(exported))
                  .build())
          .build();

  @Test
  void shouldNameAToolCallAndLeaveItsArgumentsAndResultOutByDefault() {
    SpanData span = run(ContentCapture.off(), "tool", "crm.find_contact", success());

    assertThat(span.getName()).isEqualTo("execute_tool crm.find_contact");
    assertThat(span.getAttributes().get(TraceConventions.GEN_AI_TOOL_NAME))
        .isEqualTo("crm.find_contact");
    assertThat(span.getAttributes().get(TraceConventions.GEN_AI_TOOL_CALL_ID)).isEqualTo("a-1");
    assertThat(span.getAttributes().get(TraceConventions.GEN_AI_TOOL_CALL_ARGUMENTS)).isNull();
    assertThat(span.getAttributes().get(TraceConventions.GEN_AI_TOOL_CALL_RESULT)).isNull();
    assertThat(span.getAttributes().asMap().values())
        .extracting(String::valueOf)
        .noneMatch(value -> value.contains("pat@acme.example") || value.contains("sk-1"));
  }

  @Test
  void shouldRecordAToolCallsArgumentsAndResultWithCaptureOnButNeverASecret() {
    SpanData span = run(ContentCapture.of(true), "tool", "crm.find_contact", success());

    assertThat(span.getAttributes().get(TraceConventions.GEN_AI_TOOL_CALL_ARGUMENTS))
        .contains("pat@acme.example")
        .doesNotContain("sk-1");
    assertThat(span.getAttributes().get(TraceConventions.GEN_AI_TOOL_CALL_RESULT))
        .contains("Pat Lee");
  }

  @Test
  void shouldNameAModelCallByItsModelWithTheHandlersUsageAndMessagesOnlyWithCaptureOn() {
    SpanData off = run(ContentCapture.off(), "chat", "gpt-4o-mini", success());
    SpanData on = run(ContentCapture.of(true), "chat", "gpt-4o-mini", success());

    assertThat(off.getName()).isEqualTo("chat gpt-4o-mini");
    assertThat(off.getAttributes().get(TraceConventions.GEN_AI_REQUEST_MODEL))
        .isEqualTo("gpt-4o-mini");
    assertThat(off.getAttributes().get(TraceConventions.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(7L);
    assertThat(off.getAttributes().get(TraceConventions.GEN_AI_INPUT_MESSAGES)).isNull();
    assertThat(off.getAttributes().get(TraceConventions.GEN_AI_OUTPUT_MESSAGES)).isNull();
    assertThat(on.getAttributes().get(TraceConventions.GEN_AI_INPUT_MESSAGES))
        .contains("pat@acme.example");
    assertThat(on.getAttributes().get(TraceConventions.GEN_AI_OUTPUT_MESSAGES)).contains("Pat Lee");
  }

  @Test
  void shouldMarkAFailedCallWithItsErrorTypeButNotItsMessage() {
    SpanData span =
        run(
            ContentCapture.of(true),
            "tool",
            "email.send",
            new EffectResult.Failed("g-1", "a-1", "tool", 1, "refused for pat@acme.example"));

    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(TraceConventions.ERROR_TYPE)).isEqualTo("failed");
    assertThat(span.getAttributes().get(TraceConventions.GEN_AI_TOOL_CALL_RESULT)).isNull();
  }

  private SpanData run(ContentCapture content, String kind, String target, EffectResult result) {
    exported.reset();
    GoalTracing tracing = GoalTracing.of(sdk, content);
    EffectRecord.Intent intent =
        new EffectRecord.Intent(
            "g-1",
            "a-1",
            kind,
            1,
            json("{\"to\":\"pat@acme.example\",\"api_key\":\"sk-1\"}"),
            false,
            1000,
            Instant.now(),
            Instant.now());
    EffectHandler handler = handler(kind);
    Span span = EffectSpans.start(tracing, Context.root(), intent, target, handler);
    EffectSpans.outcome(tracing, span, intent, handler, result);
    span.end();
    assertThat(exported.getFinishedSpanItems()).hasSize(1);
    return exported.getFinishedSpanItems().getFirst();
  }

  private static EffectResult success() {
    return new EffectResult.Succeeded("g-1", "a-1", "tool", 1, json("{\"name\":\"Pat Lee\"}"));
  }

  private static EffectHandler handler(String kind) {
    return new EffectHandler() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public JsonNode run(EffectCall call) {
        return call.request();
      }

      @Override
      public Attributes spanAttributes(EffectCall call, EffectResult result) {
        return kind.equals("chat")
            ? Attributes.of(TraceConventions.GEN_AI_USAGE_INPUT_TOKENS, 7L)
            : Attributes.empty();
      }
    };
  }

  private static JsonNode json(String text) {
    return MAPPER.readTree(text);
  }
}
