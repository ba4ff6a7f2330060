package dev.switchboard.guardrail;

import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The catalogs the guardrail decides with under {@code /actuator/health} ({@code
 * components.catalogs}): per catalog, how many entries were ignored because its writer did not sign
 * them. Ignored entries change no decision, so the status stays UP.
 */
final class CatalogsHealthIndicator extends AbstractHealthIndicator {
  private final List<CatalogTopology> catalogs;

  CatalogsHealthIndicator(List<CatalogTopology> catalogs) {
    super("guardrail catalogs health check failed");
    this.catalogs = List.copyOf(catalogs);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.up();
    for (CatalogTopology catalog : catalogs) {
      builder.withDetail(
          catalog.catalog().baseName() + "RefusedEntries", catalog.entries().refused());
    }
  }
}
