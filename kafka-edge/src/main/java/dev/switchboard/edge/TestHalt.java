package dev.switchboard.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TEST ONLY: stops the JVM dead ({@link Runtime#halt}, like {@code kill -9}) at one point of an
 * effect's life, so crash tests reach it deterministically. Active only when configured: either
 * always at {@code switchboard.effects.test-halt-at} (for effects of {@code test-halt-target}, or
 * any), or once, armed at run time by writing {@code <point> [target]} into the file {@code
 * switchboard.effects.test-halt-file} names (the file is deleted as it fires).
 *
 * @param point halt here always; null for none
 * @param target only for effects of this target; null for any
 * @param armingFile where a test arms a one-time halt; null for none
 */
record TestHalt(Point point, String target, Path armingFile) {
  static final TestHalt NEVER = new TestHalt(null, null, null);
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
    if (matches(point, target, reached, effectTarget) || armedFor(reached, effectTarget)) {
      log.warn(
          "TEST HALT at {} of effect {} ({}): a switchboard.effects.test-halt setting is on",
          reached,
          effectId,
          effectTarget);
      Runtime.getRuntime().halt(137);
    }
  }

  private boolean armedFor(Point reached, String effectTarget) {
    if (armingFile == null || !Files.exists(armingFile)) {
      return false;
    }
    try {
      String[] words = Files.readString(armingFile, StandardCharsets.UTF_8).strip().split("\\s+");
      if (matches(
          Point.parse(words[0]), words.length > 1 ? words[1] : null, reached, effectTarget)) {
        Files.delete(armingFile);
        return true;
      }
      return false;
    } catch (IOException | RuntimeException e) {
      log.warn("test halt file {} is unreadable: {}", armingFile, e.toString());
      return false;
    }
  }

  private static boolean matches(Point point, String target, Point reached, String effectTarget) {
    return point == reached && (target == null || target.equals(effectTarget));
  }
}
