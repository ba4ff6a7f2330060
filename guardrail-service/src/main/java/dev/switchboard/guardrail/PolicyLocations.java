package dev.switchboard.guardrail;

import dev.switchboard.policy.InvalidPolicyException;
import dev.switchboard.policy.PolicyProblem;
import dev.switchboard.policy.PolicySource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads policy and facts files from where configuration says: {@code classpath:} resources (the
 * shipped defaults), files, or directories of {@code *.yaml}.
 */
final class PolicyLocations {
  private static final String CLASSPATH = "classpath:";

  private PolicyLocations() {}

  static ReloadingPolicy.Sources of(List<String> locations, ResourceLoader resources) {
    return () -> {
      List<PolicySource> sources = new ArrayList<>();
      for (String location : locations) {
        if (location.startsWith(CLASSPATH)) {
          sources.add(new PolicySource(location, read(location, resources)));
        } else {
          sources.addAll(PolicySource.read(List.of(Path.of(location))));
        }
      }
      return sources;
    };
  }

  /** One file's text, from the classpath or the file system. */
  static String read(String location, ResourceLoader resources) {
    Resource resource =
        resources.getResource(location.startsWith(CLASSPATH) ? location : "file:" + location);
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidPolicyException(
          List.of(new PolicyProblem(location, 0, null, "cannot be read: " + e.getMessage())));
    }
  }
}
