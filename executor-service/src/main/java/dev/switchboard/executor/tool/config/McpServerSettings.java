package dev.switchboard.executor.tool.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.executor.tool.ToolOverrides;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One MCP server of the tool file ({@code mcp-servers.<name>}).
 *
 * @param command (stdio) the program the executor starts and supervises
 * @param args (stdio) its arguments
 * @param env (stdio) environment variables for it, on top of a minimal base (PATH, HOME, LANG…);
 *     the executor's own environment (with its signing key) is not passed on
 * @param url (streamable-http) the MCP endpoint
 * @param headers (streamable-http) sent with every request; values may hold references
 * @param trusted whether the server's tool annotations are believed (MCP: hints from untrusted
 *     servers must not be relied on)
 * @param toolPrefix put before each of the server's tool names; null: {@code <server>.}, empty: the
 *     server's own names (when they carry a namespace already, like {@code crm.lookup_account})
 * @param timeout longest request; null: the executor's {@code tool-timeout}
 * @param tools per tool (by the server's own name): what the configuration says over its hints
 */
public record McpServerSettings(
    Transport transport,
    String command,
    List<String> args,
    Map<String, String> env,
    String url,
    Map<String, String> headers,
    Boolean trusted,
    String toolPrefix,
    String timeout,
    Map<String, ToolOverrides> tools) {

  public enum Transport {
    @JsonProperty("stdio")
    STDIO,
    @JsonProperty("streamable-http")
    STREAMABLE_HTTP
  }

  public McpServerSettings {
    args = args == null ? List.of() : List.copyOf(args);
    env = ToolsFile.ordered(env);
    headers = ToolsFile.ordered(headers);
    trusted = trusted != null && trusted;
    tools = ToolsFile.ordered(tools);
  }

  public boolean isTrusted() {
    return trusted;
  }

  /** The name the executor gives the server's tool {@code mcpName}. */
  public String toolName(String server, String mcpName) {
    return (toolPrefix == null ? server + "." : toolPrefix) + mcpName;
  }

  public ToolOverrides overridesFor(String mcpName) {
    return tools.getOrDefault(mcpName, ToolOverrides.NONE);
  }

  public Duration timeoutOr(Duration fallback) {
    return timeout == null ? fallback : ToolsFile.duration(timeout, "timeout");
  }
}
