package dev.switchboard.edge;

/** A setting a service cannot start without; the message says which and how to fix it. */
public class InvalidConfigurationException extends RuntimeException {
  public InvalidConfigurationException(String message) {
    super(message);
  }
}
