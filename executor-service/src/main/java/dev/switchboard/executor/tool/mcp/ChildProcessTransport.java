package dev.switchboard.executor.tool.mcp;

import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.util.Map;
import java.util.Set;

/**
 * The SDK's stdio transport, but the child gets a minimal environment (plus what the tool file
 * sets) instead of the executor's: the action signing key and other secrets stay in the executor.
 */
final class ChildProcessTransport extends StdioClientTransport {
  /** What programs commonly need to run at all. */
  static final Set<String> PASSED_ON =
      Set.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "TERM");

  private final Map<String, String> inherited;

  ChildProcessTransport(
      ServerParameters parameters, McpJsonMapper mapper, Map<String, String> own) {
    super(parameters, mapper);
    this.inherited = Map.copyOf(own);
  }

  @Override
  protected ProcessBuilder getProcessBuilder() {
    ProcessBuilder builder = new ProcessBuilder();
    Map<String, String> environment = builder.environment();
    environment.clear();
    inherited.forEach(
        (name, value) -> {
          if (PASSED_ON.contains(name)) {
            environment.put(name, value);
          }
        });
    // The SDK adds the server's configured variables on top of this.
    return builder;
  }
}
