package dev.switchboard.edge;

import static dev.switchboard.edge.TraceConventions.CHAT;
import static dev.switchboard.edge.TraceConventions.EXECUTE_TOOL;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;

/**
 * The span of one effect attempt, named by the GenAI conventions for the kinds that have one: a
 * tool call ({@code execute_tool {tool}}) and a model call ({@code chat {model}}). The request is
 * not an attribute: tool arguments and prompts can hold what a trace must not.
 */
final class EffectSpans {
  /** The effect kinds the executor and the planner use. */
  static final String TOOL_KIND = "tool";

  static final String CHAT_KIND = "chat";

  private EffectSpans() {}

  static Span start(
      GoalTracing tracing, Context parent, EffectRecord.Intent intent, String target) {
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
    return tracing.startInternal(name, kind, parent, attributes.build());
  }

  /** A failed or unknown outcome is an error; its message stays out (it may quote the call). */
  static void outcome(Span span, EffectResult result) {
    switch (result) {
      case EffectResult.Succeeded succeeded -> {}
      case EffectResult.Failed failed ->
          span.setStatus(StatusCode.ERROR).setAttribute(TraceConventions.ERROR_TYPE, "failed");
      case EffectResult.OutcomeUnknown unknown ->
          span.setStatus(StatusCode.ERROR)
              .setAttribute(TraceConventions.ERROR_TYPE, "outcome_unknown");
    }
  }
}
