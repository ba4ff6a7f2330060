package dev.switchboard.executor;

import java.time.Duration;

/**
 * TEST ONLY: holds back a tool's answer (after the tool acted) for goals whose id contains a
 * marker, so tests get a slow call of a real tool: {@code switchboard.executor.test-delay.*}. Off
 * unless a marker is configured.
 *
 * @param goalIdMarker text in the goal id that selects the goals; null switches it off
 * @param tool the tool whose answer is held back
 * @param duration how long
 */
record TestDelay(String goalIdMarker, String tool, Duration duration) {
  static final TestDelay OFF = new TestDelay(null, null, null);

  TestDelay {
    if (goalIdMarker != null && !goalIdMarker.isBlank() && (tool == null || duration == null)) {
      throw new IllegalArgumentException(
          "switchboard.executor.test-delay needs tool and duration with goal-id-marker");
    }
  }

  void after(String toolName, String goalId) throws InterruptedException {
    if (goalIdMarker != null
        && !goalIdMarker.isBlank()
        && tool.equals(toolName)
        && goalId.contains(goalIdMarker)) {
      Thread.sleep(duration);
    }
  }
}
