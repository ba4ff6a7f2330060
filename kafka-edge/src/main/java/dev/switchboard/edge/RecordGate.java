package dev.switchboard.edge;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The checks a record passes before anything is forwarded for it: its size (a record too large to
 * copy whole is dead-lettered as a reference), its key, and — on Switchboard's own topics — the
 * partition its key hashes to, so a record copied onto another partition is never taken for that
 * partition's goal.
 */
final class RecordGate {
  private final int maxRecordBytes;
  private final int partitions;
  private final EventSignatures signatures;

  RecordGate(int maxRecordBytes, int partitions) {
    this(maxRecordBytes, partitions, null);
  }

  RecordGate(int maxRecordBytes, int partitions, EventSignatures signatures) {
    this.maxRecordBytes = maxRecordBytes;
    this.partitions = partitions;
    this.signatures = signatures;
  }

  /** Signs what the service writes, checks who wrote what it reads. */
  EventSignatures signatures() {
    if (signatures == null) {
      throw new IllegalStateException("this gate has no event signatures");
    }
    return signatures;
  }

  /**
   * Why a record is refused before it is decoded; {@code whole} says whether it fits in a dead
   * letter with its payload and headers.
   */
  record Rejection(String reason, boolean whole, long size) {}

  int maxRecordBytes() {
    return maxRecordBytes;
  }

  /**
   * Checks a record read from one of the service's input topics. A record that came through the
   * re-keying topic was checked by {@link RecordOrigin.Stamp} already and carries its verdict.
   */
  Optional<Rejection> check(Record<String, byte[]> record, RecordOrigin origin) {
    if (origin.rekeyed()) {
      return RecordOrigin.Stamp.rejectionOf(record.headers());
    }
    long size = sizeOf(record.key(), record.value(), record.headers());
    if (size > maxRecordBytes) {
      return Optional.of(tooLarge(size));
    }
    if (record.key() == null) {
      return Optional.of(
          new Rejection("record has no key; the key must be the goalId", true, size));
    }
    int expected = partitionOf(record.key());
    if (expected != origin.partition()) {
      return Optional.of(
          new Rejection(
              "record of key '"
                  + record.key()
                  + "' sits on partition "
                  + origin.partition()
                  + " but its key belongs on partition "
                  + expected,
              true,
              size));
    }
    return Optional.empty();
  }

  Rejection tooLarge(long size) {
    return new Rejection(
        "record of " + size + " bytes exceeds the limit of " + maxRecordBytes + " bytes",
        false,
        size);
  }

  /**
   * The partition Kafka's Java producer picks for a key (murmur2), as for every Switchboard write.
   */
  int partitionOf(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** Key, value and headers: what counts against the broker's and the producer's size limits. */
  static long sizeOf(String key, byte[] value, Headers headers) {
    long size = key == null ? 0 : key.getBytes(StandardCharsets.UTF_8).length;
    size += value == null ? 0 : value.length;
    if (headers != null) {
      for (Header header : headers) {
        size += header.key().length() + (header.value() == null ? 0 : header.value().length);
      }
    }
    return size;
  }
}
