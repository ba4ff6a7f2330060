package dev.switchboard.edge;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.event.SwitchboardEvent;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes events that start outside Kafka (an HTTP request, a person's click) to their catalog
 * topic, waiting for the broker's acknowledgement. Only the topics this service owns.
 */
public final class EventPublisher implements AutoCloseable {
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaProducer<String, byte[]> producer;
  private final EventCodec codec;
  private final OutgoingEvents outgoing;

  public EventPublisher(
      Map<String, Object> producerConfig,
      TopicNames names,
      EventCodec codec,
      Service service,
      GoalTracing tracing,
      EventSignatures signatures) {
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    this.codec = codec;
    this.outgoing = new OutgoingEvents(service, names, codec, tracing, signatures);
  }

  /** In the current trace (a request's), or a new one. */
  public void publish(SwitchboardEvent event) {
    write(event, Context.current());
  }

  /**
   * In the trace of an event read earlier, e.g. a person's answer to an escalation: it continues
   * the goal's trace, however much later it comes.
   */
  public void publish(SwitchboardEvent event, EventContext continuing) {
    publish(event, continuing, Attributes.empty());
  }

  /** The same, with attributes of the answer on its {@code send} span (e.g. the approver). */
  public void publish(SwitchboardEvent event, EventContext continuing, Attributes attributes) {
    write(
        event,
        continuing.traceparent() == null ? Context.current() : GoalTracing.extract(continuing),
        attributes);
  }

  private void write(SwitchboardEvent event, Context trace) {
    write(event, trace, Attributes.empty());
  }

  private void write(SwitchboardEvent event, Context trace, Attributes attributes) {
    OutgoingEvent record = outgoing.of(event, trace, attributes, this::refuseOversized);
    String topic = record.topic().baseName();
    try {
      producer.send(record.toProducerRecord()).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishFailedException("interrupted while writing to " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new PublishFailedException("could not write to " + topic + ": " + e, e);
    }
  }

  private void refuseOversized(byte[] value) {
    if (value.length > codec.maxEventBytes()) {
      throw new EventTooLargeException(
          "the event is "
              + value.length
              + " bytes; at most "
              + codec.maxEventBytes()
              + " are taken");
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }

  /** The event is larger than any reader takes; nothing was written. */
  public static final class EventTooLargeException extends RuntimeException {
    EventTooLargeException(String message) {
      super(message);
    }
  }

  /** Kafka did not take the event; nothing was written. */
  public static final class PublishFailedException extends RuntimeException {
    PublishFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
