package dev.switchboard.trace;

import java.util.regex.Pattern;

/** The trace id of a W3C {@code traceparent} header value, when the value is a valid one. */
final class TraceParent {
  // version "-" trace-id "-" parent-id "-" flags; version ff is forbidden, later versions may add
  // fields after the flags.
  private static final Pattern TRACEPARENT =
      Pattern.compile("^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$");
  private static final String INVALID_TRACE_ID = "0".repeat(32);
  private static final String INVALID_PARENT_ID = "0".repeat(16);

  private TraceParent() {}

  /** The 32 lower-case hex digits of the trace id, or null for a missing or malformed header. */
  static String traceIdOf(String traceparent) {
    if (traceparent == null) {
      return null;
    }
    var match = TRACEPARENT.matcher(traceparent.strip());
    if (!match.matches()
        || match.group(1).equals("ff")
        || (match.group(1).equals("00") && match.group(5) != null)
        || match.group(2).equals(INVALID_TRACE_ID)
        || match.group(3).equals(INVALID_PARENT_ID)) {
      return null;
    }
    return match.group(2);
  }
}
