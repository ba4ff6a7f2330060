package dev.switchboard.cli;

import java.time.Duration;

/** Waits between polls; an interrupt ends the command. */
final class Pause {
  private Pause() {}

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailedException("interrupted", e);
    }
  }
}
