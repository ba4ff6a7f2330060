package dev.switchboard.planner.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;

/** Where agent spec files come from: a directory, or the copies inside the planner's jar. */
public interface SpecSource {

  /**
   * The spec files now, each by the name problems are reported under.
   *
   * @throws java.io.UncheckedIOException when the source cannot be read at all
   */
  SortedMap<String, String> read();

  /** Whether files can change while the planner runs, so it should look again now and then. */
  boolean changes();

  /** Where the files are, for logs and errors. */
  String describe();

  /**
   * The configured directory; with none configured, the project's example directory when the
   * planner runs inside the repository, else the specs built into the jar.
   *
   * @param configured {@code switchboard.planner.agents-dir}, or null
   * @throws IllegalArgumentException when a configured directory does not exist
   */
  static SpecSource choose(Path configured, Path defaultDirectory, ClassLoader classLoader) {
    if (configured != null) {
      if (!Files.isDirectory(configured)) {
        throw new IllegalArgumentException(
            "switchboard.planner.agents-dir "
                + configured.toAbsolutePath().normalize()
                + " is not a directory");
      }
      return new DirectorySpecSource(configured);
    }
    return Files.isDirectory(defaultDirectory)
        ? new DirectorySpecSource(defaultDirectory)
        : new ClasspathSpecSource(classLoader);
  }
}
