package dev.switchboard.executor;

/** A setting the executor cannot start without; the message says which and how to fix it. */
public class InvalidConfigurationException extends RuntimeException {
  public InvalidConfigurationException(String message) {
    super(message);
  }
}
