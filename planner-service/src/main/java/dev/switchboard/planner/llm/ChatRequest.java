package dev.switchboard.planner.llm;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A model call as data: what the LLM planner asks, and what a durable effect carries as its JSON
 * request. The {@link ChatEffectHandler} turns it into a Spring AI call.
 *
 * @param model the model id at the provider; null takes the configured default
 * @param oneCallAtATime ReAct: the model should propose one call and see its result first
 * @param tools what the model may call: the agent's tools and the planner's control tools
 */
public record ChatRequest(
    String model,
    Double temperature,
    Integer maxOutputTokens,
    boolean oneCallAtATime,
    List<Message> messages,
    List<ToolSpec> tools) {

  public ChatRequest {
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
  }

  /**
   * One message of the conversation.
   *
   * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
   * @param toolCalls the calls an assistant message made
   * @param toolCallId for a {@code tool} message: the call it answers
   */
  public record Message(
      String role, String content, List<ModelCall> toolCalls, String toolCallId, String toolName) {
    public Message {
      toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static Message system(String content) {
      return new Message("system", content, List.of(), null, null);
    }

    public static Message user(String content) {
      return new Message("user", content, List.of(), null, null);
    }

    public static Message assistant(String content, List<ModelCall> calls) {
      return new Message("assistant", content, calls, null, null);
    }

    public static Message tool(String callId, String toolName, String content) {
      return new Message("tool", content, List.of(), callId, toolName);
    }
  }

  /**
   * A tool as the model sees it.
   *
   * @param name as the model must call it (letters, digits, '_' and '-'; see {@link
   *     ModelToolNames})
   * @param inputSchema JSON Schema of its arguments
   */
  public record ToolSpec(String name, String description, JsonNode inputSchema) {}
}
