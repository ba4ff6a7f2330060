package dev.switchboard.edge;

/**
 * A due timer's key in the timer store: {@code <due millis, 19 digits>|<goalId length>:<goalId>|
 * <name>}, so the store's byte order is due-time order and a range scan up to now finds every due
 * timer. The name tells a processor's timer ({@code p:<timerId>}) from an effect's deadline ({@code
 * e:<effectId>}).
 */
record TimerKey(long dueMillis, String goalId, String name) {
  private static final String PROCESSOR = "p:";
  private static final String EFFECT = "e:";

  static TimerKey processorTimer(long dueMillis, String goalId, String timerId) {
    return new TimerKey(dueMillis, goalId, PROCESSOR + timerId);
  }

  static TimerKey effectDeadline(long dueMillis, String goalId, String effectId) {
    return new TimerKey(dueMillis, goalId, EFFECT + effectId);
  }

  /** The smallest key of the store. */
  static String lowest() {
    return padded(0);
  }

  /** The largest key a timer due at {@code nowMillis} or earlier can have. */
  static String highestDueBy(long nowMillis) {
    // '~' sorts after every digit, so this bounds all keys of that millisecond.
    return padded(nowMillis) + "|~";
  }

  String storeKey() {
    return padded(dueMillis) + "|" + goalId.length() + ":" + goalId + "|" + name;
  }

  boolean isEffectDeadline() {
    return name.startsWith(EFFECT);
  }

  /** The processor's timerId or the effect's effectId. */
  String id() {
    return name.substring(2);
  }

  static void requireTimerId(String timerId) {
    if (timerId == null || timerId.isBlank()) {
      throw new IllegalArgumentException("a timer needs a timerId");
    }
  }

  private static String padded(long millis) {
    return String.format("%019d", Math.max(0, millis));
  }
}
