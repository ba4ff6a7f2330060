package dev.switchboard.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them: {@code 500ms}, {@code 90s}, {@code 2m}, {@code 1h}; bare = s. */
final class DurationArgument {
  private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h)?");

  private DurationArgument() {}

  static Duration parse(String text) {
    Matcher matcher = FORM.matcher(text.trim());
    if (!matcher.matches()) {
      throw new UsageException("'" + text + "' is not a duration; write e.g. 500ms, 90s, 2m or 1h");
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofSeconds(amount);
    };
  }
}
