package dev.switchboard.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The planner's spec directory for the in-JVM stack: the project's example agents plus the e2e
 * agents over the demo tools ({@code courier}, {@code scout}, {@code herald}) and the clerk, who
 * needs people ({@code clerk}), and the LLM planner's reader of web pages ({@code reader}).
 */
final class E2eAgents {
  static final List<String> E2E_SPECS =
      List.of("courier.yaml", "scout.yaml", "herald.yaml", "clerk.yaml", "reader.yaml");

  private E2eAgents() {}

  static Path directory(Path dir) {
    Path root = Path.of(System.getProperty("switchboard.root", ".."));
    try {
      Files.createDirectories(dir);
      try (Stream<Path> examples = Files.list(root.resolve("examples/sales/agents"))) {
        for (Path spec : examples.filter(p -> p.toString().endsWith(".yaml")).toList()) {
          Files.copy(spec, dir.resolve(spec.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      for (String spec : E2E_SPECS) {
        try (InputStream in = E2eAgents.class.getResourceAsStream("/e2e-agents/" + spec)) {
          Files.copy(in, dir.resolve(spec), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the e2e agent specs in " + dir, e);
    }
    return dir;
  }
}
