package dev.switchboard.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a service's HTTP API reads ({@code switchboard.http.*}).
 *
 * @param maxRequestSize larger request bodies are refused with 413 before they are read
 */
@ConfigurationProperties("switchboard.http")
public record HttpLimitsProperties(DataSize maxRequestSize) {
  public HttpLimitsProperties {
    maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(1) : maxRequestSize;
  }
}
