package dev.switchboard.trace;

/** One message of a server-sent-events stream read from another instance. */
sealed interface SseMessage {

  /**
   * @param id the {@code id} field, or null
   * @param name the {@code event} field; {@code message} when absent
   */
  record Event(String id, String name, String data) implements SseMessage {}

  /** A comment line, like the keep-alives; it shows the connection is still alive. */
  record Comment(String text) implements SseMessage {}
}
