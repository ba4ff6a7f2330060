package dev.switchboard.planner.llm;

import java.util.List;

/**
 * What came back from a model call: its text and tool calls, the tokens it used, or why it failed.
 * The effect result's JSON.
 *
 * @param error why the call failed (timeout, rate limit after retries, provider error); null when
 *     the model answered
 */
public record ChatReply(
    String model,
    String text,
    List<ModelCall> toolCalls,
    long inputTokens,
    long outputTokens,
    String error) {

  public ChatReply {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  public static ChatReply failed(String model, String error) {
    return new ChatReply(model, null, List.of(), 0, 0, error);
  }

  public long totalTokens() {
    return inputTokens + outputTokens;
  }
}
