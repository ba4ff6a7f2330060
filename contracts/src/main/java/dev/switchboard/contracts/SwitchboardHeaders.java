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

  /** CloudEvents binary mode. */
  public static final String CE_SPECVERSION = "ce_specversion";

  public static final String CE_ID = "ce_id";
  public static final String CE_SOURCE = "ce_source";
  public static final String CE_TYPE = "ce_type";
  public static final String CE_SUBJECT = "ce_subject";
  public static final String CE_TIME = "ce_time";
}
