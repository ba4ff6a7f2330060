package dev.switchboard.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in YAML: ISO-8601 ({@code PT4H}) or short ({@code 30m}). */
final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+)(s|m|h|d)");

  private Durations() {}

  /** The duration, or null when the text is neither form. */
  static Duration parse(String text) {
    Matcher shortForm = SHORT.matcher(text.strip());
    if (shortForm.matches()) {
      long amount = Long.parseLong(shortForm.group(1));
      return switch (shortForm.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
