package dev.switchboard.contracts;

/** A record that is not a valid event for its topic; the message is the DLQ reason. */
public class MalformedEventException extends RuntimeException {
  public MalformedEventException(String reason) {
    super(reason);
  }

  public MalformedEventException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
