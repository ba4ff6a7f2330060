package dev.switchboard.edge;

import static dev.switchboard.edge.TraceConventions.GOAL_ID;

import dev.switchboard.contracts.SwitchboardHeaders;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Switchboard's spans and the W3C trace context on records ({@code traceparent}, {@code
 * tracestate}, {@code baggage}): the one place every service's tracing goes through. Each record
 * written gets a {@code send {topic}} span whose context is put into its headers; each record read
 * gets a {@code process {topic}} span whose parent is that context, or a new trace when it has
 * none.
 */
public final class GoalTracing {
  private static final TextMapPropagator W3C =
      TextMapPropagator.composite(
          W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());
  private static final List<String> TRACE_HEADERS =
      List.of(
          SwitchboardHeaders.TRACEPARENT,
          SwitchboardHeaders.TRACESTATE,
          SwitchboardHeaders.BAGGAGE);

  private final Tracer tracer;

  private GoalTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(TraceConventions.SCOPE);
  }

  public static GoalTracing of(OpenTelemetry openTelemetry) {
    return new GoalTracing(openTelemetry);
  }

  /** No spans; only the trace context a record carried is passed on. */
  static GoalTracing off() {
    return new GoalTracing(OpenTelemetry.noop());
  }

  /** The context the record's headers carry; the root context (a new trace) when none. */
  public static Context extract(Headers headers) {
    return headers == null ? Context.root() : W3C.extract(Context.root(), headers, HEADERS);
  }

  /** The context an {@link EventContext} names, for work that continues it later. */
  public static Context extract(EventContext context) {
    if (context == null || context.traceparent() == null) {
      return Context.root();
    }
    return W3C.extract(
        Context.root(),
        Map.of(SwitchboardHeaders.TRACEPARENT, context.traceparent()),
        MapGetter.INSTANCE);
  }

  /** Replaces the record's trace headers with the given context. */
  static void inject(Context context, Headers headers) {
    TRACE_HEADERS.forEach(headers::remove);
    W3C.inject(context, headers, (carrier, key, value) -> EventHeaders.put(carrier, key, value));
  }

  /** The {@code process {topic}} span of one record read; the caller ends it. */
  public Span startProcess(
      String topic, String consumerGroup, int partition, long offset, String key, Context parent) {
    var builder =
        tracer
            .spanBuilder(TraceConventions.messagingSpan(TraceConventions.PROCESS, topic))
            .setSpanKind(SpanKind.CONSUMER)
            .setParent(parent)
            .setAttribute(TraceConventions.MESSAGING_SYSTEM, TraceConventions.KAFKA)
            .setAttribute(TraceConventions.MESSAGING_DESTINATION_NAME, topic)
            .setAttribute(TraceConventions.MESSAGING_OPERATION_NAME, TraceConventions.PROCESS)
            .setAttribute(TraceConventions.MESSAGING_OPERATION_TYPE, TraceConventions.PROCESS)
            .setAttribute(TraceConventions.MESSAGING_CONSUMER_GROUP_NAME, consumerGroup)
            .setAttribute(
                TraceConventions.MESSAGING_DESTINATION_PARTITION_ID, Integer.toString(partition))
            .setAttribute(TraceConventions.MESSAGING_KAFKA_OFFSET, offset);
    if (key != null) {
      builder
          .setAttribute(TraceConventions.MESSAGING_KAFKA_MESSAGE_KEY, key)
          .setAttribute(GOAL_ID, key);
    }
    return builder.startSpan();
  }

  /**
   * A {@code send {topic}} span for one record written (records are keyed by goalId), ended at
   * once: the record is handed to the producer; its context goes into the record's headers.
   */
  public Headers send(Context parent, String topic, String goalId, Headers headers) {
    Span span =
        tracer
            .spanBuilder(TraceConventions.messagingSpan(TraceConventions.SEND, topic))
            .setSpanKind(SpanKind.PRODUCER)
            .setParent(parent)
            .setAttribute(TraceConventions.MESSAGING_SYSTEM, TraceConventions.KAFKA)
            .setAttribute(TraceConventions.MESSAGING_DESTINATION_NAME, topic)
            .setAttribute(TraceConventions.MESSAGING_OPERATION_NAME, TraceConventions.SEND)
            .setAttribute(TraceConventions.MESSAGING_OPERATION_TYPE, TraceConventions.SEND)
            .setAttribute(TraceConventions.MESSAGING_KAFKA_MESSAGE_KEY, goalId)
            .setAttribute(GOAL_ID, goalId)
            .startSpan();
    try {
      inject(parent.with(span), headers);
    } finally {
      span.end();
    }
    return headers;
  }

  /**
   * A span of work inside the current record's processing, e.g. a tool call; the caller ends it.
   */
  Span startInternal(String name, SpanKind kind, Context parent, Attributes attributes) {
    return tracer
        .spanBuilder(name)
        .setSpanKind(kind)
        .setParent(parent)
        .setAllAttributes(attributes)
        .startSpan();
  }

  /**
   * A span of a wait that outlived any process (a person's answer, days later): recorded when the
   * wait ends, with its real start, under the context the wait began in.
   *
   * @param parent the context when the wait began, e.g. the escalation's {@link EventContext}
   * @return the wait span's context, for what the end of the wait writes
   */
  public EventContext recordWait(
      String name, EventContext parent, Instant start, Instant end, Attributes attributes) {
    Context context = extract(parent);
    Span span =
        tracer
            .spanBuilder(name)
            .setSpanKind(SpanKind.INTERNAL)
            .setParent(context)
            .setAllAttributes(attributes)
            .setStartTimestamp(start)
            .startSpan();
    span.end(end.isBefore(start) ? start : end);
    return eventContextOf(context.with(span));
  }

  /**
   * The W3C {@code traceparent} of a context, for logic that keeps it (e.g. with an inbox item).
   */
  static EventContext eventContextOf(Context context) {
    SpanContext span = Span.fromContext(context).getSpanContext();
    if (!span.isValid()) {
      return EventContext.none();
    }
    return new EventContext(
        "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex());
  }

  private static final TextMapGetter<Headers> HEADERS =
      new TextMapGetter<>() {
        @Override
        public String get(Headers carrier, String key) {
          if (carrier == null) {
            return null;
          }
          Header header = carrier.lastHeader(key);
          return header == null || header.value() == null
              ? null
              : new String(header.value(), StandardCharsets.UTF_8);
        }
      };

  private enum MapGetter implements TextMapGetter<Map<String, String>> {
    INSTANCE;

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  }
}
