package dev.switchboard.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A directory of secrets as `switchboard secrets init` writes them for a deployment: the CLI's
 * runnable jar (built before this module, a test dependency) run once per test JVM.
 */
final class GeneratedSecrets {
  private static Path dir;

  private GeneratedSecrets() {}

  static synchronized Path dir() {
    if (dir == null) {
      try {
        // Under target/, so `mvn clean` removes these throwaway secrets.
        Path made =
            Files.createTempDirectory(
                    Files.createDirectories(Path.of("target")), "generated-secrets-")
                .toAbsolutePath();
        Path jar = Repository.file("cli/target/switchboard-cli.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process cli =
            new ProcessBuilder(
                    List.of(
                        java,
                        "-jar",
                        jar.toString(),
                        "secrets",
                        "init",
                        "--dir",
                        made.toString(),
                        "--container-readable"))
                .redirectErrorStream(true)
                .start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!cli.waitFor(120, TimeUnit.SECONDS) || cli.exitValue() != 0) {
          throw new IllegalStateException("switchboard secrets init failed: " + output);
        }
        dir = made;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return dir;
  }

  static String read(String relative) {
    try {
      return Files.readString(dir().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
