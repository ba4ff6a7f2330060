package dev.switchboard.edge;

import io.opentelemetry.context.Context;

/**
 * What an event's record carried beside the event, for logic that needs it: the W3C trace context
 * of the span that processes it. Logic that acts on the event much later (a person's answer) keeps
 * it and continues the trace with it.
 *
 * @param traceparent the W3C {@code traceparent} of the processing span, or null
 */
public record EventContext(String traceparent) {
  private static final EventContext NONE = new EventContext(null);

  public static EventContext none() {
    return NONE;
  }

  public static EventContext of(Context context) {
    return GoalTracing.eventContextOf(context);
  }

  /** The trace id ({@code 00-<trace id>-<span id>-<flags>}), or null without a valid one. */
  public String traceId() {
    if (traceparent == null) {
      return null;
    }
    String[] parts = traceparent.split("-");
    return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
  }
}
