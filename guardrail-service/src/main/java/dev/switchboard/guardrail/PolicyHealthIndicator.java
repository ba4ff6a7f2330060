package dev.switchboard.guardrail;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The policy in force under {@code /actuator/health} ({@code components.policy}): its documents and
 * versions, and why the latest changed policy was refused, if it was. The old policy keeps deciding
 * then, so the status stays UP.
 */
final class PolicyHealthIndicator extends AbstractHealthIndicator {
  private final ReloadingPolicy policy;

  PolicyHealthIndicator(ReloadingPolicy policy) {
    super("guardrail policy health check failed");
    this.policy = policy;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    ReloadingPolicy.Status status = policy.status();
    Map<String, String> documents = new LinkedHashMap<>();
    status.documents().forEach(ref -> documents.put(ref.id(), ref.version()));
    builder
        .up()
        .withDetail("documents", documents)
        .withDetail("rules", status.rules())
        .withDetail("loadedAt", status.loadedAt().toString());
    if (status.lastError() != null) {
      builder
          .withDetail("lastReloadError", status.lastError())
          .withDetail("lastReloadFailedAt", status.lastErrorAt().toString());
    }
  }
}
