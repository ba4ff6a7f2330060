package dev.switchboard.planner.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The specs built into the planner's jar ({@code agents/*.yaml}, copied from {@code
 * examples/sales/agents} at build time): what a planner runs from its jar alone, outside the
 * repository. They change only with a new jar.
 */
public final class ClasspathSpecSource implements SpecSource {
  public static final String LOCATION = "agents/";

  private final ClassLoader classLoader;

  public ClasspathSpecSource(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public SortedMap<String, String> read() {
    SortedMap<String, String> files = new TreeMap<>();
    try {
      Resource[] resources =
          new PathMatchingResourcePatternResolver(classLoader)
              .getResources("classpath*:" + LOCATION + "*.y*ml");
      for (Resource resource : resources) {
        try (InputStream in = resource.getInputStream()) {
          byte[] bytes = in.readNBytes(AgentSpecParser.MAX_SPEC_BYTES + 1);
          files.put(
              "classpath:" + LOCATION + resource.getFilename(),
              new String(bytes, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in agent specs", e);
    }
    return files;
  }

  @Override
  public boolean changes() {
    return false;
  }

  @Override
  public String describe() {
    return "classpath:" + LOCATION;
  }
}
