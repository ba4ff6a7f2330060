package dev.switchboard.edge;

import dev.switchboard.contracts.Topic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Record;

/**
 * An event ready to be written: to its catalog topic, keyed by its goal, at its time, with its
 * headers, send-span context and signature. Built by {@link OutgoingEvents}; each writer sends it
 * as the record type it writes with.
 */
record OutgoingEvent(
    Topic<?> topic, String topicName, String key, byte[] value, long timestamp, Headers headers) {

  /** For the stream's transaction (the decision's events). */
  Record<String, Outgoing> toStreamRecord() {
    return new Record<>(key, new Outgoing(topicName, value), timestamp, headers);
  }

  /** For a plain producer (the effect worker's result events, the publisher). */
  ProducerRecord<String, byte[]> toProducerRecord() {
    return new ProducerRecord<>(topicName, null, timestamp, key, value, headers);
  }
}
