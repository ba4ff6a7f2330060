package dev.switchboard.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests check (surefire passes its root; from an IDE, the parent directory). */
final class Repository {
  private Repository() {}

  static Path root() {
    String root = System.getProperty("switchboard.root");
    Path path = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
    if (!Files.isDirectory(path.resolve("deploy"))) {
      throw new IllegalStateException("not the repository root (no deploy/): " + path);
    }
    return path;
  }

  static Path file(String relative) {
    return root().resolve(relative);
  }

  static String read(String relative) {
    try {
      return Files.readString(file(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
