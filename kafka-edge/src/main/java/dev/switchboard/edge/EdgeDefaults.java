package dev.switchboard.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Settings every service shares (health probes, fail-fast topic creation), added with the lowest
 * precedence so any service or deployment can override them.
 */
public class EdgeDefaults implements EnvironmentPostProcessor {
  static final String RESOURCE = "switchboard-edge-defaults.properties";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    try {
      environment
          .getPropertySources()
          .addLast(
              new ResourcePropertySource(
                  "switchboardEdgeDefaults", new ClassPathResource(RESOURCE)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
