package dev.switchboard.executor.tool.mcp;

import dev.switchboard.executor.tool.OutputLimit;
import dev.switchboard.executor.tool.Tool;
import dev.switchboard.executor.tool.ToolCall;
import dev.switchboard.executor.tool.ToolDescriptor;
import dev.switchboard.executor.tool.ToolFailure;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One tool of an MCP server, under the executor's name for it. A call passes the action id as the
 * idempotency key in {@code _meta} and, when the tool's schema has the argument, as {@code
 * idempotencyKey}.
 */
final class McpTool implements Tool {
  private static final TypeReference<LinkedHashMap<String, Object>> ARGUMENTS =
      new TypeReference<>() {};

  private final McpServerConnection connection;
  private final String mcpName;
  private final ToolDescriptor descriptor;
  private final JsonMapper mapper;
  private final OutputLimit limit;

  McpTool(
      McpServerConnection connection,
      String mcpName,
      ToolDescriptor descriptor,
      JsonMapper mapper,
      OutputLimit limit) {
    this.connection = connection;
    this.mcpName = mcpName;
    this.descriptor = descriptor;
    this.mapper = mapper;
    this.limit = limit;
  }

  @Override
  public String name() {
    return descriptor.name();
  }

  /** The server's own name of the tool. */
  String mcpName() {
    return mcpName;
  }

  @Override
  public boolean sideEffect() {
    return descriptor.sideEffect();
  }

  @Override
  public boolean retrySafe() {
    return descriptor.retrySafe();
  }

  @Override
  public String server() {
    return connection.name();
  }

  @Override
  public ToolDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public JsonNode call(ToolCall call) throws ToolFailure {
    JsonNode given = call.arguments();
    if (given != null && !given.isNull() && !given.isObject()) {
      throw new ToolFailure("the arguments of " + name() + " must be a JSON object");
    }
    Map<String, Object> arguments =
        given == null || given.isNull()
            ? new LinkedHashMap<>()
            : mapper.convertValue(given, ARGUMENTS);
    if (descriptor.takesIdempotencyKey()) {
      arguments.putIfAbsent(ToolCall.IDEMPOTENCY_KEY_ARGUMENT, call.actionId());
    }
    CallToolRequest request =
        CallToolRequest.builder(mcpName)
            .arguments(arguments)
            .meta(Map.of(ToolCall.IDEMPOTENCY_KEY_META, call.actionId()))
            .build();
    return McpCallResults.output(connection.call(request, retrySafe()), mapper, limit);
  }

  @Override
  public String toString() {
    return "McpTool[" + name() + " on " + connection.name() + "]";
  }
}
