package dev.switchboard.handoff;

import java.time.Duration;

/** Durations as people read them: "3 h 12 min", "45 s". */
final class Durations {
  private Durations() {}

  static String words(Duration duration) {
    Duration d = duration.abs();
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    if (days > 0) {
      return days + " d" + (hours > 0 ? " " + hours + " h" : "");
    }
    if (hours > 0) {
      return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
    }
    if (minutes > 0) {
      return minutes + " min";
    }
    return d.toSecondsPart() + " s";
  }
}
