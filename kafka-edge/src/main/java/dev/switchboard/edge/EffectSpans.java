package dev.switchboard.edge;

import static dev.switchboard.edge.TraceConventions.CHAT;
import static dev.switchboard.edge.TraceConventions.EXECUTE_TOOL;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The span of one effect attempt, named by the GenAI conventions for the kinds that have one: a
 * tool call ({@code execute_tool {tool}}) and a model call ({@code chat {model}}). The request and
 * the output are attributes only when content capture is on ({@link ContentCapture}), with secrets
 * redacted: tool arguments and prompts can hold what a trace must not.
 */
final class EffectSpans {
  private static final Logger log = LoggerFactory.getLogger(EffectSpans.class);

  /** The effect kinds the executor and the planner use. */
  static final String TOOL_KIND = "tool";

  static final String CHAT_KIND = "chat";

  private EffectSpans() {}

  static Span start(
      GoalTracing tracing,
      Context parent,
      EffectRecord.Intent intent,
      String target,
      EffectHandler handler) {
    AttributesBuilder attributes =
        Attributes.builder()
            .put(TraceConventions.GOAL_ID, intent.goalId())
            .put(TraceConventions.EFFECT_KIND, intent.kind())
            .put(TraceConventions.EFFECT_ATTEMPT, intent.attempt());
    String name;
    SpanKind kind = SpanKind.INTERNAL;
    switch (intent.kind()) {
      case TOOL_KIND -> {
        name = EXECUTE_TOOL + " " + target;
        attributes
            .put(TraceConventions.GEN_AI_OPERATION_NAME, EXECUTE_TOOL)
            .put(TraceConventions.GEN_AI_TOOL_NAME, target)
            .put(TraceConventions.GEN_AI_TOOL_CALL_ID, intent.effectId());
      }
      case CHAT_KIND -> {
        // A handler that names no target (the model) leaves the target at its kind.
        boolean model = !target.equals(CHAT_KIND);
        name = model ? CHAT + " " + target : CHAT;
        kind = SpanKind.CLIENT;
        attributes.put(TraceConventions.GEN_AI_OPERATION_NAME, CHAT);
        if (model) {
          attributes.put(TraceConventions.GEN_AI_REQUEST_MODEL, target);
        }
      }
      default -> name = intent.kind() + " " + target;
    }
    AttributeKey<String> requestKey = contentKey(intent.kind(), true);
    if (requestKey != null) {
      content(tracing, () -> handler.requestContent(intent.call()))
          .ifPresent(text -> attributes.put(requestKey, text));
    }
    return tracing.startInternal(name, kind, parent, attributes.build());
  }

  /**
   * A failed or unknown outcome is an error; its message stays out (it may quote the call). The
   * handler's attributes (a model's tokens) and, with capture on, the output are added.
   */
  static void outcome(
      GoalTracing tracing,
      Span span,
      EffectRecord.Intent intent,
      EffectHandler handler,
      EffectResult result) {
    switch (result) {
      case EffectResult.Succeeded succeeded -> {
        AttributeKey<String> outputKey = contentKey(intent.kind(), false);
        if (outputKey != null) {
          content(tracing, () -> handler.outputContent(intent.call(), succeeded.output()))
              .ifPresent(text -> span.setAttribute(outputKey, text));
        }
      }
      case EffectResult.Failed failed ->
          span.setStatus(StatusCode.ERROR).setAttribute(TraceConventions.ERROR_TYPE, "failed");
      case EffectResult.OutcomeUnknown unknown ->
          span.setStatus(StatusCode.ERROR)
              .setAttribute(TraceConventions.ERROR_TYPE, "outcome_unknown");
    }
    try {
      span.setAllAttributes(handler.spanAttributes(intent.call(), result));
    } catch (RuntimeException e) {
      log.warn("span attributes of effect {} failed: {}", intent.effectId(), e.toString());
    }
  }

  private static AttributeKey<String> contentKey(String kind, boolean request) {
    return switch (kind) {
      case TOOL_KIND ->
          request
              ? TraceConventions.GEN_AI_TOOL_CALL_ARGUMENTS
              : TraceConventions.GEN_AI_TOOL_CALL_RESULT;
      case CHAT_KIND ->
          request
              ? TraceConventions.GEN_AI_INPUT_MESSAGES
              : TraceConventions.GEN_AI_OUTPUT_MESSAGES;
      default -> null;
    };
  }

  /** Asked of the handler only when capture is on. */
  private static Optional<String> content(GoalTracing tracing, Supplier<JsonNode> content) {
    if (!tracing.content().enabled()) {
      return Optional.empty();
    }
    try {
      return tracing.content().of(content.get());
    } catch (RuntimeException e) {
      log.warn("the content of an effect could not be recorded: {}", e.toString());
      return Optional.empty();
    }
  }
}
