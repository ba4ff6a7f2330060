package dev.switchboard.executor.tool;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up once every configured tool server has listed its tools (part of readiness, so a stack does not
 * send work before the tools are there). A refused reload stays up (the old tools run) and says
 * why.
 */
public final class ToolsHealthIndicator extends AbstractHealthIndicator {
  private final ToolRegistryLoader loader;

  public ToolsHealthIndicator(ToolRegistryLoader loader) {
    super("tool registry health check failed");
    this.loader = loader;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    ToolRegistryLoader.Status status = loader.status();
    builder.withDetail(
        "file", status.file() == null ? "none (built-ins only)" : status.file().toString());
    builder.withDetail("tools", status.tools());
    if (status.loadedAt() != null) {
      builder.withDetail("loadedAt", status.loadedAt().toString());
    }
    if (status.lastReloadError() != null) {
      builder.withDetail("reloadError", status.lastReloadError());
    }
    if (!status.conflicts().isEmpty()) {
      builder.withDetail("conflicts", status.conflicts());
    }
    if (status.catalogBehind()) {
      builder.withDetail("catalog", "not up to date yet (Kafka did not take a write)");
    }
    Map<String, Object> servers = new LinkedHashMap<>();
    for (ToolSource.SourceStatus source : status.sources()) {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("kind", source.kind());
      detail.put("state", source.state());
      detail.put("tools", source.tools());
      if (source.restarts() > 0) {
        detail.put("restarts", source.restarts());
      }
      if (source.lastError() != null) {
        detail.put("lastError", source.lastError());
      }
      servers.put(source.name(), detail);
    }
    builder.withDetail("servers", servers);
    if (status.ready()) {
      builder.up();
    } else {
      builder.down();
    }
  }
}
