package dev.switchboard.planner.llm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;

/** A chat model that answers from a script, in order, and keeps every prompt it was sent. */
public final class ScriptedChatModel implements ChatModel {
  private final Deque<ChatResponse> answers = new ArrayDeque<>();
  public final List<Prompt> prompts = new ArrayList<>();

  public ScriptedChatModel calls(
      int inputTokens, int outputTokens, AssistantMessage.ToolCall... calls) {
    answers.add(
        response(
            AssistantMessage.builder().content("").toolCalls(List.of(calls)).build(),
            inputTokens,
            outputTokens));
    return this;
  }

  public ScriptedChatModel text(int inputTokens, int outputTokens, String text) {
    answers.add(response(new AssistantMessage(text), inputTokens, outputTokens));
    return this;
  }

  public static AssistantMessage.ToolCall call(String id, String name, String arguments) {
    return new AssistantMessage.ToolCall(id, "function", name, arguments);
  }

  /** Like every provider's model: its options take tool definitions. */
  @Override
  public ChatOptions getOptions() {
    return ToolCallingChatOptions.builder().build();
  }

  @Override
  public ChatResponse call(Prompt prompt) {
    prompts.add(prompt);
    if (answers.isEmpty()) {
      throw new IllegalStateException("the script has no more answers");
    }
    return answers.removeFirst();
  }

  private static ChatResponse response(AssistantMessage message, int in, int out) {
    return new ChatResponse(
        List.of(new Generation(message)),
        ChatResponseMetadata.builder()
            .model("scripted-1")
            .usage(new DefaultUsage(in, out))
            .build());
  }
}
