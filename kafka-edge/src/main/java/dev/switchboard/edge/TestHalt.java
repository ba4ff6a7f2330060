package dev.switchboard.edge;

import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TEST ONLY: stops the JVM dead ({@link Runtime#halt}, like {@code kill -9}) at one point of an
 * effect's life, so crash tests reach it deterministically. Active only when {@code
 * switchboard.effects.test-halt-at} is set.
 *
 * @param target halts only for effects of this target; null for any
 */
record TestHalt(Point point, String target) {
  static final TestHalt NEVER = new TestHalt(null, null);
  private static final Logger log = LoggerFactory.getLogger(TestHalt.class);

  enum Point {
    /** The intent is read, the worker has not committed taking it: it will be read again. */
    BEFORE_START,
    /** Taken (the started marker is committed), the handler not called yet. */
    BEFORE_CALL,
    /** The handler returned, its result is not recorded yet. */
    AFTER_CALL;

    static Point parse(String text) {
      String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
      return Arrays.stream(values())
          .filter(point -> point.name().equals(name))
          .findFirst()
          .orElseThrow(
              () ->
                  new InvalidConfigurationException(
                      "switchboard.effects.test-halt-at must be before-start, before-call or"
                          + " after-call, not '"
                          + text
                          + "'"));
    }
  }

  void at(Point reached, String effectTarget, String effectId) {
    if (point == reached && (target == null || target.equals(effectTarget))) {
      log.warn(
          "TEST HALT at {} of effect {} ({}): switchboard.effects.test-halt-at is set",
          reached,
          effectId,
          effectTarget);
      Runtime.getRuntime().halt(137);
    }
  }
}
