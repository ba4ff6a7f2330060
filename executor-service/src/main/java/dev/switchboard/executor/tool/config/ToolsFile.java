package dev.switchboard.executor.tool.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;

/**
 * The executor's tool registry file ({@code switchboard.executor.tools.file}), as read: which
 * built-ins, MCP servers and HTTP tools it runs. Maps keep the file's order: when two servers offer
 * one tool name, the first one listed keeps it.
 *
 * @param builtins the demo tools to keep; null: all of them
 */
public record ToolsFile(
    List<String> builtins,
    Map<String, McpServerSettings> mcpServers,
    Map<String, HttpToolSettings> httpTools) {

  public ToolsFile {
    builtins = builtins == null ? null : List.copyOf(builtins);
    mcpServers = ordered(mcpServers);
    httpTools = ordered(httpTools);
  }

  /** No file: the built-ins only. */
  public static ToolsFile builtinsOnly() {
    return new ToolsFile(null, null, null);
  }

  static <V> Map<String, V> ordered(Map<String, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** {@code 30s}, {@code 500ms}, {@code 2m} or ISO-8601 ({@code PT30S}). */
  static Duration duration(String text, String field) {
    try {
      Duration duration = DurationStyle.detectAndParse(text.strip());
      if (duration.isNegative() || duration.isZero()) {
        throw new ToolsFileException(field + " must be positive: " + text);
      }
      return duration;
    } catch (IllegalArgumentException e) {
      throw new ToolsFileException(field + " is no duration (like 30s or 500ms): " + text);
    }
  }
}
