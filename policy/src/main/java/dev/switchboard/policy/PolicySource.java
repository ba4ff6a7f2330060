package dev.switchboard.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The text of one policy file and the name errors and audit records call it by.
 *
 * @param name a path or {@code classpath:...}
 */
public record PolicySource(String name, String content) {

  /** SHA-256 of the content, hex: tells two versions of a file apart. */
  public String digest() {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * The policy files at these paths: each file as it is, each directory's {@code *.yaml} and {@code
   * *.yml} files in name order.
   *
   * @throws InvalidPolicyException naming each path that is missing, unreadable or empty
   */
  public static List<PolicySource> read(List<Path> paths) {
    List<PolicySource> sources = new ArrayList<>();
    List<PolicyProblem> problems = new ArrayList<>();
    for (Path path : paths) {
      try {
        if (Files.isDirectory(path)) {
          List<Path> files;
          try (Stream<Path> listing = Files.list(path)) {
            files =
                listing
                    .filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
          }
          if (files.isEmpty()) {
            problems.add(new PolicyProblem(path.toString(), 0, null, "holds no *.yaml policy"));
          }
          for (Path file : files) {
            sources.add(new PolicySource(file.toString(), Files.readString(file)));
          }
        } else if (Files.isRegularFile(path)) {
          sources.add(new PolicySource(path.toString(), Files.readString(path)));
        } else {
          problems.add(new PolicyProblem(path.toString(), 0, null, "no such policy file"));
        }
      } catch (IOException e) {
        problems.add(new PolicyProblem(path.toString(), 0, null, "cannot be read: " + e));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPolicyException(problems);
    }
    return sources;
  }
}
