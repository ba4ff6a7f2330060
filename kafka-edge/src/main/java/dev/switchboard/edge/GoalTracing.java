package dev.switchboard.edge;

import static dev.switchboard.edge.TraceConventions.GOAL_ID;

import dev.switchboard.contracts.SwitchboardHeaders;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
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
  private static final TextMapPropagator TRACE_CONTEXT = W3CTraceContextPropagator.getInstance();
  private static final BaggageHeaders BAGGAGE = new BaggageHeaders(GoalTracing::carriedIn);
  private static final List<String> TRACE_HEADERS =
      List.of(
          SwitchboardHeaders.TRACEPARENT,
          SwitchboardHeaders.TRACESTATE,
          SwitchboardHeaders.BAGGAGE);

  /** A carried value longer than this is not taken from a record's baggage. */
  private static final int MAX_CARRIED_CHARS = 128;

  private final Tracer tracer;
  private final ContentCapture content;
  private final boolean quietReads;

  private GoalTracing(OpenTelemetry openTelemetry, ContentCapture content, boolean quietReads) {
    this.tracer = openTelemetry.getTracer(TraceConventions.SCOPE);
    this.content = content;
    this.quietReads = quietReads;
  }

  public static GoalTracing of(OpenTelemetry openTelemetry) {
    return of(openTelemetry, ContentCapture.off());
  }

  public static GoalTracing of(OpenTelemetry openTelemetry, ContentCapture content) {
    return new GoalTracing(openTelemetry, content, false);
  }

  /**
   * @param quietReads whether a read that led to nothing gets its {@code process} span too ({@code
   *     switchboard.tracing.quiet-reads}; see {@link #endProcess})
   */
  public static GoalTracing of(
      OpenTelemetry openTelemetry, ContentCapture content, boolean quietReads) {
    return new GoalTracing(openTelemetry, content, quietReads);
  }

  /** No spans; only the trace context a record carried is passed on. */
  static GoalTracing off() {
    return new GoalTracing(OpenTelemetry.noop(), ContentCapture.off(), false);
  }

  /** Whether prompts, outputs, arguments and results go into spans. */
  public ContentCapture content() {
    return content;
  }

  /**
   * The context with these attributes in its baggage, so the records written under it carry them
   * and every span downstream gets them.
   */
  static Context carrying(Context context, Attributes carried) {
    if (carried.isEmpty()) {
      return context;
    }
    BaggageBuilder baggage = Baggage.fromContext(context).toBuilder();
    carried.forEach((key, value) -> baggage.put(key.getKey(), String.valueOf(value)));
    return context.with(baggage.build());
  }

  /** The carried attributes in the context's baggage (the agent whose work this is). */
  static Attributes carried(Context context) {
    Baggage baggage = Baggage.fromContext(context);
    if (baggage.isEmpty()) {
      return Attributes.empty();
    }
    return BAGGAGE.attributes(baggage);
  }

  private static Attributes carriedIn(Baggage baggage) {
    AttributesBuilder attributes = Attributes.builder();
    for (AttributeKey<String> key : TraceConventions.CARRIED) {
      String value = baggage.getEntryValue(key.getKey());
      if (value != null && !value.isBlank() && value.length() <= MAX_CARRIED_CHARS) {
        attributes.put(key, value);
      }
    }
    return attributes.build();
  }

  /** The context the record's headers carry; the root context (a new trace) when none. */
  public static Context extract(Headers headers) {
    if (headers == null) {
      return Context.root();
    }
    Context context = TRACE_CONTEXT.extract(Context.root(), headers, HEADERS);
    String baggage = HEADERS.get(headers, SwitchboardHeaders.BAGGAGE);
    if (baggage == null) {
      return context;
    }
    Baggage parsed = BAGGAGE.parse(baggage);
    return parsed.isEmpty() ? context : context.with(parsed);
  }

  /** The context an {@link EventContext} names, for work that continues it later. */
  public static Context extract(EventContext context) {
    if (context == null || context.traceparent() == null) {
      return Context.root();
    }
    return TRACE_CONTEXT.extract(
        Context.root(),
        Map.of(SwitchboardHeaders.TRACEPARENT, context.traceparent()),
        MapGetter.INSTANCE);
  }

  /**
   * The context into the headers of one of the edge's own records ({@code <appId>-effects}, {@code
   * <appId>-effect-results}: intents, markers, due timers) with no span of its own: they are the
   * inside of one service's effect, not a hop between services, and a {@code send}/{@code process}
   * pair for each would be a fifth of a step's spans. The work they lead to (the effect's span,
   * what the result's decision writes) continues this context.
   */
  static Headers carry(Context context, Headers headers) {
    inject(context, headers);
    return headers;
  }

  /** Replaces the record's trace headers with the given context. */
  static void inject(Context context, Headers headers) {
    TRACE_HEADERS.forEach(headers::remove);
    TRACE_CONTEXT.inject(
        context, headers, (carrier, key, value) -> EventHeaders.put(carrier, key, value));
    String baggage = BAGGAGE.encode(Baggage.fromContext(context));
    if (baggage != null) {
      EventHeaders.put(headers, SwitchboardHeaders.BAGGAGE, baggage);
    }
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
            .setAttribute(TraceConventions.MESSAGING_KAFKA_OFFSET, offset)
            .setAllAttributes(carried(parent));
    if (key != null) {
      builder
          .setAttribute(TraceConventions.MESSAGING_KAFKA_MESSAGE_KEY, key)
          .setAttribute(GOAL_ID, key);
    }
    return builder.startSpan();
  }

  /**
   * Ends a {@code process} span, which exports it, when its record led to something in the goal: a
   * record or effect written, a timer set, a decision noted on the span, a dead letter. A quiet
   * read (the trace-service journaling a record, the handoff reading an allowed verdict, the
   * planner noting one, a record skipped as applied already) is left unended, so it is never
   * exported: it shows no work, and such reads are about half of a step's {@code process} spans.
   * Nothing can hang under it: a quiet decision writes nothing that carries its context. With
   * {@code switchboard.tracing.quiet-reads=true} every read's span is kept.
   */
  public void endProcess(Span span, boolean ledToSomething) {
    if (ledToSomething || quietReads) {
      span.end();
    }
  }

  /**
   * A {@code send {topic}} span for one record written (records are keyed by goalId), ended at
   * once: the record is handed to the producer; its context goes into the record's headers.
   */
  public Headers send(Context parent, String topic, String goalId, Headers headers) {
    return send(parent, topic, goalId, headers, Attributes.empty());
  }

  /** The same, with attributes of what is sent (e.g. the decision a verdict records). */
  Headers send(
      Context parent, String topic, String goalId, Headers headers, Attributes attributes) {
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
            .setAllAttributes(carried(parent))
            .setAllAttributes(attributes)
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
        .setAllAttributes(carried(parent))
        .setAllAttributes(attributes)
        .startSpan();
  }

  /**
   * A span a decision asked for, ended now: under the context it names (a goal's time under an
   * agent, begun days ago) or the decision's, from its start or the decision's.
   */
  void record(RecordedSpan recorded, Context decision, Instant decisionStart, String goalId) {
    Context parent =
        recorded.parent() == null || recorded.parent().traceparent() == null
            ? decision
            : extract(recorded.parent());
    Instant start = recorded.start() == null ? decisionStart : recorded.start();
    Instant end = Instant.now();
    Span span =
        tracer
            .spanBuilder(recorded.name())
            .setSpanKind(SpanKind.INTERNAL)
            .setParent(parent)
            .setStartTimestamp(start.isAfter(end) ? end : start)
            .setAttribute(GOAL_ID, goalId)
            .setAllAttributes(carried(decision))
            .setAllAttributes(recorded.attributes())
            .startSpan();
    if (recorded.errorType() != null) {
      span.setStatus(StatusCode.ERROR)
          .setAttribute(TraceConventions.ERROR_TYPE, recorded.errorType());
    }
    span.end(end);
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
