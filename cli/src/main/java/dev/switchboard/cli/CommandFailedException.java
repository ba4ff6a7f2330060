package dev.switchboard.cli;

/** A command could not do its work; the message is printed as is, so it says what to do. */
class CommandFailedException extends RuntimeException {
  CommandFailedException(String message) {
    super(message);
  }

  CommandFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
