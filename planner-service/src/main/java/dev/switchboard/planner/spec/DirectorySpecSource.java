package dev.switchboard.planner.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The {@code *.yaml} and {@code *.yml} files directly in one directory. */
public final class DirectorySpecSource implements SpecSource {
  private final Path directory;

  public DirectorySpecSource(Path directory) {
    this.directory = directory;
  }

  @Override
  public SortedMap<String, String> read() {
    if (!Files.isDirectory(directory)) {
      throw new UncheckedIOException(
          new IOException("agent spec directory " + directory + " does not exist"));
    }
    SortedMap<String, String> files = new TreeMap<>();
    List<Path> specs;
    try (Stream<Path> listing = Files.list(directory)) {
      specs = listing.filter(DirectorySpecSource::isSpecFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list agent specs in " + directory, e);
    }
    for (Path file : specs) {
      try {
        // A larger file is read only far enough for the parser to reject it by size.
        byte[] bytes =
            Files.size(file) > AgentSpecParser.MAX_SPEC_BYTES
                ? new byte[AgentSpecParser.MAX_SPEC_BYTES + 1]
                : Files.readAllBytes(file);
        files.put(directory.relativize(file).toString(), new String(bytes, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read agent spec " + file, e);
      }
    }
    return files;
  }

  @Override
  public boolean changes() {
    return true;
  }

  @Override
  public String describe() {
    return directory.toAbsolutePath().normalize().toString();
  }

  private static boolean isSpecFile(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }
}
