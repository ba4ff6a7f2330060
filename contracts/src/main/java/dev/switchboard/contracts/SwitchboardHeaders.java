package dev.switchboard.contracts;

/** Kafka header names Switchboard reads and writes. */
public final class SwitchboardHeaders {
  private SwitchboardHeaders() {}

  /** W3C trace context. */
  public static final String TRACEPARENT = "traceparent";

  public static final String TRACESTATE = "tracestate";
  public static final String BAGGAGE = "baggage";

  public static final String GOAL_ID = "switchboard-goal-id";
  public static final String EVENT_TYPE = "switchboard-event-type";

  /** On a dead letter: why it was rejected, where it came from, and who rejected it. */
  public static final String DLQ_REASON = "switchboard-dlq-reason";

  public static final String DLQ_SOURCE_TOPIC = "switchboard-dlq-source-topic";
  public static final String DLQ_SOURCE_PARTITION = "switchboard-dlq-source-partition";
  public static final String DLQ_SOURCE_OFFSET = "switchboard-dlq-source-offset";
  public static final String DLQ_CONSUMER = "switchboard-dlq-consumer";

  /**
   * On a dead letter too large to copy whole: the original record's size in bytes (key, value and
   * headers). Such a dead letter is a reference: no payload and none of the original headers.
   */
  public static final String DLQ_SOURCE_SIZE = "switchboard-dlq-source-size";

  /**
   * On a replayed record: the dead letter's offset it was replayed from ({@code topic-p@offset}).
   */
  public static final String DLQ_REPLAYED_FROM = "switchboard-dlq-replayed-from";

  /**
   * The writer's Ed25519 signature (base64) over topic, key and value, and the id of the key that
   * made it; readers check it against the topic's one writer.
   */
  public static final String SIGNATURE = "switchboard-signature";

  public static final String SIGNER = "switchboard-signer";

  /** CloudEvents binary mode. */
  public static final String CE_SPECVERSION = "ce_specversion";

  public static final String CE_ID = "ce_id";
  public static final String CE_SOURCE = "ce_source";
  public static final String CE_TYPE = "ce_type";
  public static final String CE_SUBJECT = "ce_subject";
  public static final String CE_TIME = "ce_time";
}
