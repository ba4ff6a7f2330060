package dev.switchboard.planner.llm;

import dev.switchboard.edge.EffectCall;
import dev.switchboard.edge.EffectHandler;
import dev.switchboard.edge.EffectResult;
import dev.switchboard.edge.TraceConventions;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.AdvisorParams;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one model call: a {@link ChatRequest} as JSON in, a {@link ChatReply} as JSON out, through a
 * Spring AI {@link ChatClient} with its tool-calling advisor switched off, so the model's tool
 * calls come back instead of running. A failed call (timeout, rate limit after the client's
 * retries, provider error) is a reply with its {@code error}: the planner decides what follows. The
 * handler of the durable {@code chat} effect: kafka-edge's effect worker runs it, never a stream
 * thread.
 */
public final class ChatEffectHandler implements EffectHandler {
  /** The effect kind this handler runs. */
  public static final String KIND = "chat";

  private static final Logger log = LoggerFactory.getLogger(ChatEffectHandler.class);
  private static final int MAX_ERROR_CHARS = 300;

  private final ChatClient client;
  private final String provider;
  private final String defaultModel;
  private final Duration timeout;
  private final JsonMapper mapper;

  /**
   * @param timeout the model client's timeout, to name a call it cut off as timed out
   */
  public ChatEffectHandler(
      ChatClient client, String defaultModel, Duration timeout, JsonMapper mapper) {
    this(client, null, defaultModel, timeout, mapper);
  }

  /**
   * @param provider the provider's name in traces ({@code gen_ai.provider.name}, e.g. {@code
   *     openai}); null for none
   */
  public ChatEffectHandler(
      ChatClient client,
      String provider,
      String defaultModel,
      Duration timeout,
      JsonMapper mapper) {
    this.client = client;
    this.provider = provider;
    this.defaultModel = defaultModel;
    this.timeout = timeout;
    this.mapper = mapper;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** Calls to one model share a concurrency limit; its span is {@code chat {model}}. */
  @Override
  public String target(EffectCall call) {
    JsonNode model = call.request().path("model");
    return model.isString() && !model.asString().isBlank() ? model.asString() : defaultModel;
  }

  /** The provider, the model that answered and the tokens it used; never the prompt or reply. */
  @Override
  public Attributes spanAttributes(EffectCall call, EffectResult result) {
    AttributesBuilder attributes = Attributes.builder();
    if (provider != null && !provider.isBlank()) {
      attributes.put(TraceConventions.GEN_AI_PROVIDER_NAME, provider);
    }
    if (result instanceof EffectResult.Succeeded succeeded) {
      ChatReply reply = mapper.treeToValue(succeeded.output(), ChatReply.class);
      if (reply.model() != null) {
        attributes.put(TraceConventions.GEN_AI_RESPONSE_MODEL, reply.model());
      }
      attributes
          .put(TraceConventions.GEN_AI_USAGE_INPUT_TOKENS, reply.inputTokens())
          .put(TraceConventions.GEN_AI_USAGE_OUTPUT_TOKENS, reply.outputTokens());
      if (reply.error() != null) {
        attributes.put(TraceConventions.ERROR_TYPE, "model_call_failed");
      }
    }
    return attributes.build();
  }

  /** The conversation the model was shown (traced only with content capture on). */
  @Override
  public JsonNode requestContent(EffectCall call) {
    return call.request().path("messages");
  }

  /** Every call of a turn carries the turn's id as its effect id; the request is the whole call. */
  @Override
  public JsonNode run(EffectCall call) {
    return handle(call.request());
  }

  public JsonNode handle(JsonNode requestJson) {
    ChatRequest request = mapper.treeToValue(requestJson, ChatRequest.class);
    String model = request.model() != null ? request.model() : defaultModel;
    long started = System.nanoTime();
    try {
      ChatResponse response =
          client
              .prompt()
              .messages(messagesOf(request))
              .options(
                  ToolCallingChatOptions.builder()
                      .model(model)
                      .temperature(request.temperature())
                      .maxTokens(request.maxOutputTokens()))
              .tools(request.tools().stream().map(DefinitionOnlyTool::new).toList())
              .advisors(AdvisorParams.toolCallingAdvisorAutoRegister(false))
              .call()
              .chatResponse();
      return mapper.valueToTree(replyOf(model, response));
    } catch (RuntimeException e) {
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      String error =
          (took.compareTo(timeout) >= 0 ? "timed out after " + timeout + ": " : "") + describe(e);
      log.warn("model call to {} failed: {}", model, error);
      return mapper.valueToTree(ChatReply.failed(model, error));
    }
  }

  private static List<Message> messagesOf(ChatRequest request) {
    List<Message> messages = new ArrayList<>();
    List<ToolResponseMessage.ToolResponse> toolResponses = new ArrayList<>();
    for (ChatRequest.Message message : request.messages()) {
      if (!message.role().equals("tool") && !toolResponses.isEmpty()) {
        messages.add(ToolResponseMessage.builder().responses(List.copyOf(toolResponses)).build());
        toolResponses.clear();
      }
      switch (message.role()) {
        case "system" -> messages.add(new SystemMessage(message.content()));
        case "user" -> messages.add(new UserMessage(message.content()));
        case "assistant" ->
            messages.add(
                AssistantMessage.builder()
                    .content(message.content() == null ? "" : message.content())
                    .toolCalls(
                        message.toolCalls().stream()
                            .map(
                                c ->
                                    new AssistantMessage.ToolCall(
                                        c.id(), "function", c.name(), c.arguments()))
                            .toList())
                    .build());
        case "tool" ->
            toolResponses.add(
                new ToolResponseMessage.ToolResponse(
                    message.toolCallId(), message.toolName(), message.content()));
        default -> throw new IllegalArgumentException("unknown message role " + message.role());
      }
    }
    if (!toolResponses.isEmpty()) {
      messages.add(ToolResponseMessage.builder().responses(List.copyOf(toolResponses)).build());
    }
    return messages;
  }

  private static ChatReply replyOf(String model, ChatResponse response) {
    if (response == null || response.getResult() == null) {
      return ChatReply.failed(model, "the model sent no answer");
    }
    Generation generation = response.getResult();
    AssistantMessage output = generation.getOutput();
    List<ModelCall> calls =
        output.getToolCalls().stream()
            .map(call -> new ModelCall(call.id(), call.name(), call.arguments()))
            .toList();
    Usage usage = response.getMetadata() == null ? null : response.getMetadata().getUsage();
    return new ChatReply(
        model,
        output.getText(),
        calls,
        usage == null || usage.getPromptTokens() == null ? 0 : usage.getPromptTokens(),
        usage == null || usage.getCompletionTokens() == null ? 0 : usage.getCompletionTokens(),
        null);
  }

  /** The failure in one line, never the request: prompts and keys stay out of logs and replies. */
  private static String describe(RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = oneLine(e) + (root == e ? "" : " (caused by " + oneLine(root) + ")");
    return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + " ...";
  }

  private static String oneLine(Throwable failure) {
    String message =
        failure.getMessage() == null ? "" : failure.getMessage().lines().findFirst().orElse("");
    return failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }
}
