package dev.switchboard.edge;

import org.apache.kafka.common.serialization.Serializer;

/** A record on its way out of the topology, to the topic it names. */
record Outgoing(String topic, byte[] value) {

  /** Writes just the payload; the topic is chosen by {@link #topic()}. */
  static final class PayloadSerializer implements Serializer<Outgoing> {
    @Override
    public byte[] serialize(String topic, Outgoing data) {
      return data == null ? null : data.value();
    }
  }
}
