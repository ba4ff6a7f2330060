package dev.switchboard.planner.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.edge.EffectCall;
import dev.switchboard.edge.EffectResult;
import dev.switchboard.edge.TraceConventions;
import io.opentelemetry.api.common.Attributes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What a model call's span says: {@code chat {model}}, the provider, the tokens; no content. */
class ChatEffectSpansTest {
  private static final JsonMapper MAPPER = new EventCodec().mapper();
  private final ChatEffectHandler handler =
      new ChatEffectHandler(null, "openai", "gpt-4o-mini", Duration.ofSeconds(30), MAPPER);

  @Test
  void shouldNameTheRequestedModelOrTheDefault() {
    assertThat(handler.target(call("gpt-4.1"))).isEqualTo("gpt-4.1");
    assertThat(handler.target(call(null))).isEqualTo("gpt-4o-mini");
  }

  @Test
  void shouldPutTheProviderTheAnsweringModelAndTheTokensOnTheSpan() {
    ChatReply reply = new ChatReply("gpt-4o-mini-2024", "the plan", List.of(), 120, 30, null);

    Attributes attributes =
        handler.spanAttributes(
            call(null),
            new EffectResult.Succeeded("g-1", "t-1", "chat", 1, MAPPER.valueToTree(reply)));

    assertThat(attributes.get(TraceConventions.GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
    assertThat(attributes.get(TraceConventions.GEN_AI_RESPONSE_MODEL))
        .isEqualTo("gpt-4o-mini-2024");
    assertThat(attributes.get(TraceConventions.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(120L);
    assertThat(attributes.get(TraceConventions.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(30L);
    assertThat(attributes.get(TraceConventions.ERROR_TYPE)).isNull();
    assertThat(attributes.asMap().values())
        .extracting(String::valueOf)
        .noneMatch("the plan"::equals);
  }

  @Test
  void shouldMarkAFailedCallWithoutItsMessage() {
    ChatReply failed = ChatReply.failed("gpt-4o-mini", "429 for key sk-secret");

    Attributes attributes =
        handler.spanAttributes(
            call(null),
            new EffectResult.Succeeded("g-1", "t-1", "chat", 1, MAPPER.valueToTree(failed)));

    assertThat(attributes.get(TraceConventions.ERROR_TYPE)).isEqualTo("model_call_failed");
    assertThat(attributes.asMap().values())
        .extracting(String::valueOf)
        .noneMatch(value -> value.contains("sk-secret"));
  }

  @Test
  void shouldGiveTheConversationAsTheRequestsContent() {
    EffectCall call = call("gpt-4.1");

    assertThat(handler.requestContent(call).toString()).contains("hello pat");
  }

  private static EffectCall call(String model) {
    ChatRequest request =
        new ChatRequest(
            model, null, null, false, List.of(ChatRequest.Message.user("hello pat")), List.of());
    return new EffectCall("g-1", "t-1", 1, MAPPER.valueToTree(request));
  }
}
