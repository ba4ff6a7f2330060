package dev.switchboard.handoff;

/** A setting the service cannot start without; the message says which and how to fix it. */
public class InvalidConfigurationException extends RuntimeException {
  public InvalidConfigurationException(String message) {
    super(message);
  }
}
