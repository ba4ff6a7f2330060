package dev.switchboard.edge;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The {@code process} span of one record read, started in the SDK only when it ends, i.e. when the
 * read led to something ({@link GoalTracing#endProcess}). A quiet read (about half of a step's
 * reads: the trace-service journaling, a service noting a verdict) so costs no span at all: no SDK
 * span, no attributes built. Until then it is the parent of what the read writes through the span
 * id it promised ({@link DeferredSpanIds}), and it keeps what is set on it; when it ends, the SDK
 * starts the real span with that id, the read's start time and what was kept, and ends it.
 *
 * <p>Safe because the sampler follows the parent (the SDK's default, checked once by {@link
 * GoalTracing}): the span this becomes has the sampled flag it promised. Used on one stream thread,
 * as a record's processing is.
 */
final class DeferredProcessSpan implements Span {
  private final SpanContext promised;
  private final Supplier<SpanBuilder> builder;
  private final long startEpochNanos;
  private AttributesBuilder attributes;
  private List<Event> events;
  private StatusCode status;
  private String statusDescription;
  private boolean ended;

  private record Event(String name, Attributes attributes, long epochNanos) {}

  DeferredProcessSpan(SpanContext promised, Supplier<SpanBuilder> builder, long startEpochNanos) {
    this.promised = promised;
    this.builder = builder;
    this.startEpochNanos = startEpochNanos;
  }

  @Override
  public <T> Span setAttribute(AttributeKey<T> key, T value) {
    if (key != null && value != null && !ended) {
      if (attributes == null) {
        attributes = Attributes.builder();
      }
      attributes.put(key, value);
    }
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes eventAttributes) {
    return addEvent(name, eventAttributes, nowEpochNanos(), NANOSECONDS);
  }

  @Override
  public Span addEvent(String name, Attributes eventAttributes, long timestamp, TimeUnit unit) {
    if (!ended) {
      if (events == null) {
        events = new ArrayList<>();
      }
      events.add(new Event(name, eventAttributes, unit.toNanos(timestamp)));
    }
    return this;
  }

  @Override
  public Span setStatus(StatusCode statusCode, String description) {
    if (!ended) {
      status = statusCode;
      statusDescription = description;
    }
    return this;
  }

  @Override
  public Span recordException(Throwable exception, Attributes additionalAttributes) {
    // The edge records a failure as status and error.type; a message may quote the record.
    return this;
  }

  @Override
  public Span updateName(String name) {
    return this;
  }

  /** Starts the real span with the promised id, what was set on this, and ends it. */
  @Override
  public void end() {
    end(nowEpochNanos(), NANOSECONDS);
  }

  @Override
  public void end(long timestamp, TimeUnit unit) {
    if (ended) {
      return;
    }
    ended = true;
    Span span =
        DeferredSpanIds.startingWith(
            promised.getSpanId(),
            () -> builder.get().setStartTimestamp(startEpochNanos, NANOSECONDS).startSpan());
    if (attributes != null) {
      span.setAllAttributes(attributes.build());
    }
    if (events != null) {
      events.forEach(
          event ->
              span.addEvent(event.name(), event.attributes(), event.epochNanos(), NANOSECONDS));
    }
    if (status != null) {
      span.setStatus(status, statusDescription);
    }
    span.end(timestamp, unit);
  }

  @Override
  public SpanContext getSpanContext() {
    return promised;
  }

  @Override
  public boolean isRecording() {
    return !ended && promised.isSampled();
  }

  static long nowEpochNanos() {
    Instant now = Instant.now();
    return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
  }
}
