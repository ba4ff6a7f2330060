package dev.switchboard.edge;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.SwitchboardEvent;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Headers;

/**
 * The one place a service's events become records, for all three writers (the stream, the effect
 * worker, the publisher): the topic the catalog lets this service write, the event's headers, the
 * context of its {@code send} span and the writer's signature over topic, key and payload.
 */
final class OutgoingEvents {
  private final Service writer;
  private final TopicNames names;
  private final EventCodec codec;
  private final GoalTracing tracing;
  private final EventSignatures signatures;

  OutgoingEvents(
      Service writer,
      TopicNames names,
      EventCodec codec,
      GoalTracing tracing,
      EventSignatures signatures) {
    this.writer = writer;
    this.names = names;
    this.codec = codec;
    this.tracing = tracing;
    this.signatures = signatures;
  }

  /** Sent in the given trace; the attributes go on the send span. */
  OutgoingEvent of(SwitchboardEvent event, Context trace, Attributes sendAttributes) {
    return of(event, trace, sendAttributes, value -> {});
  }

  /**
   * The same, for a writer that may refuse the payload (by throwing) before any span is begun for
   * it, e.g. the publisher's size limit.
   */
  OutgoingEvent of(
      SwitchboardEvent event,
      Context trace,
      Attributes sendAttributes,
      Consumer<byte[]> payloadCheck) {
    Topic<?> topic = Topics.toWrite(event, writer);
    String name = names.of(topic);
    byte[] value = codec.encode(event);
    payloadCheck.accept(value);
    Headers headers =
        tracing.send(trace, name, event.goalId(), EventHeaders.of(event, writer), sendAttributes);
    signatures.sign(topic, event.goalId(), value, headers);
    return new OutgoingEvent(
        topic, name, event.goalId(), value, event.occurredAt().toEpochMilli(), headers);
  }
}
