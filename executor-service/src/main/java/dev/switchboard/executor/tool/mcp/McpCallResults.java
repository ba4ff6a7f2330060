package dev.switchboard.executor.tool.mcp;

import dev.switchboard.executor.tool.OutputLimit;
import dev.switchboard.executor.tool.ToolFailure;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An MCP tool result as the executor reports it: {@code isError} is the tool's refusal (its text is
 * the message); otherwise the structured content when there is some, else {@code {"text": ...}}
 * with the text content (other content, like images, only named by type), within the size limit.
 */
final class McpCallResults {
  /** Longest error message handed on; the rest is cut. */
  static final int MAX_ERROR_CHARS = 2000;

  private McpCallResults() {}

  static JsonNode output(CallToolResult result, JsonMapper mapper, OutputLimit limit)
      throws ToolFailure {
    if (result == null) {
      throw new IllegalStateException("the server answered the call with no result");
    }
    if (Boolean.TRUE.equals(result.isError())) {
      String message = text(result.content());
      throw new ToolFailure(
          message.isBlank() ? "the tool reported an error without a message" : cut(message));
    }
    if (result.structuredContent() != null) {
      JsonNode structured = mapper.valueToTree(result.structuredContent());
      return limit.apply(
          structured.isObject()
              ? structured
              : JsonNodeFactory.instance.objectNode().set("value", structured));
    }
    ObjectNode output = JsonNodeFactory.instance.objectNode().put("text", text(result.content()));
    List<String> others = otherTypes(result.content());
    if (!others.isEmpty()) {
      ArrayNode content = output.putArray("otherContent");
      others.forEach(content::add);
    }
    return limit.apply(output);
  }

  private static String text(List<McpSchema.Content> content) {
    List<String> texts = new ArrayList<>();
    for (McpSchema.Content part : content == null ? List.<McpSchema.Content>of() : content) {
      if (part instanceof TextContent text && text.text() != null) {
        texts.add(text.text());
      }
    }
    return String.join("\n", texts);
  }

  private static List<String> otherTypes(List<McpSchema.Content> content) {
    List<String> types = new ArrayList<>();
    for (McpSchema.Content part : content == null ? List.<McpSchema.Content>of() : content) {
      if (!(part instanceof TextContent)) {
        types.add(part.type());
      }
    }
    return types;
  }

  private static String cut(String message) {
    return message.length() <= MAX_ERROR_CHARS
        ? message
        : message.substring(0, MAX_ERROR_CHARS) + "… [" + message.length() + " characters]";
  }
}
