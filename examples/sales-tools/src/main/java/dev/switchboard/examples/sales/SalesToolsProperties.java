package dev.switchboard.examples.sales;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sales-tools.*}
 *
 * @param dataDir where {@code sales-book.json} lives (accounts, sent mail, activities, keys)
 * @param token when set, {@code /mcp} wants {@code Authorization: Bearer <token>}; never logged
 * @param allowedHosts Host headers {@code /mcp} accepts (DNS rebinding protection, as MCP asks of
 *     local servers); {@code host:*} allows any port
 */
@ConfigurationProperties("sales-tools")
public record SalesToolsProperties(Path dataDir, String token, List<String> allowedHosts) {
  public SalesToolsProperties {
    dataDir =
        dataDir != null ? dataDir : Path.of(System.getProperty("java.io.tmpdir"), "sales-tools");
    token = token == null || token.isBlank() ? null : token;
    allowedHosts =
        allowedHosts == null ? List.of("localhost:*", "127.0.0.1:*") : List.copyOf(allowedHosts);
  }

  @Override
  public String toString() {
    return "SalesToolsProperties[dataDir="
        + dataDir
        + ", token="
        + (token == null ? "unset" : "hidden")
        + ", allowedHosts="
        + allowedHosts
        + "]";
  }
}
