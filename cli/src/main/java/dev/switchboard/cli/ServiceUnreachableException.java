package dev.switchboard.cli;

/** A Switchboard service did not answer at all (refused, timed out); it may come back. */
final class ServiceUnreachableException extends CommandFailedException {
  ServiceUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
