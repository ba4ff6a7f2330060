package dev.switchboard.executor.tool;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.executor.tools.*}: where the tool registry comes from.
 *
 * @param file the tool file (YAML: MCP servers, HTTP tools, built-ins); unset: the built-ins only
 * @param reloadInterval how often the file is checked for changes
 * @param maxResultBytes larger tool outputs are cut, with a marker and the original size
 * @param secretsDir where {@code ${secret:NAME}} references of the file are read from
 * @param connectTimeout longest wait for an MCP server to initialize and list its tools
 */
@ConfigurationProperties("switchboard.executor.tools")
public record ToolsProperties(
    Path file,
    Duration reloadInterval,
    Integer maxResultBytes,
    Path secretsDir,
    Duration connectTimeout) {

  public ToolsProperties {
    reloadInterval = reloadInterval == null ? Duration.ofSeconds(2) : reloadInterval;
    maxResultBytes = maxResultBytes == null ? 64 * 1024 : maxResultBytes;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    if (reloadInterval.isNegative() || reloadInterval.isZero()) {
      throw new IllegalArgumentException("reload-interval must be positive");
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connect-timeout must be positive");
    }
  }
}
