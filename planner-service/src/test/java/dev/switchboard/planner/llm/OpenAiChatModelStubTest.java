package dev.switchboard.planner.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring AI's OpenAI chat model, built as the planner builds it, against the OpenAI-compatible
 * stub: tool calls come back as proposals (never run), and every failure of the HTTP call becomes a
 * reply with its error — nothing is thrown into the planner.
 */
class OpenAiChatModelStubTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final OpenAiStubServer stub = newStub();

  @AfterEach
  void stop() {
    stub.close();
  }

  private static OpenAiStubServer newStub() {
    try {
      return new OpenAiStubServer();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ChatEffectHandler handler(Duration timeout, int retries) {
    LlmProperties llm =
        new LlmProperties(
            "openai", stub.baseUrl(), "test-key", "stub-model", timeout, retries, Map.of());
    return new ChatEffectHandler(
        ChatClient.builder(ChatModels.of(llm)).build(), llm.model(), llm.timeout(), JSON);
  }

  private static JsonNode request(boolean oneAtATime) {
    return JSON.valueToTree(
        new ChatRequest(
            null,
            0.2,
            256,
            oneAtATime,
            List.of(
                ChatRequest.Message.system("You compare accounts."),
                ChatRequest.Message.user("Goal: compare ACME and Globex")),
            List.of(
                new ChatRequest.ToolSpec(
                    "crm__lookup_account",
                    "The tool crm.lookup_account.",
                    JSON.readTree(
                        "{\"type\":\"object\",\"properties\":{\"account\":{\"type\":\"string\"}}}")))));
  }

  @Test
  void shouldReturnTheModelsToolCallsWithoutRunningThem() {
    stub.toolCalls(
        31,
        9,
        new String[] {"call_1", "crm__lookup_account", "{\"account\":\"ACME\"}"},
        new String[] {"call_2", "crm__lookup_account", "{\"account\":\"Globex\"}"});

    ChatReply reply =
        JSON.treeToValue(
            handler(Duration.ofSeconds(10), 0).handle(request(false)), ChatReply.class);

    assertThat(reply.error()).isNull();
    assertThat(reply.toolCalls())
        .containsExactly(
            new ModelCall("call_1", "crm__lookup_account", "{\"account\":\"ACME\"}"),
            new ModelCall("call_2", "crm__lookup_account", "{\"account\":\"Globex\"}"));
    assertThat(reply.inputTokens()).isEqualTo(31);
    assertThat(reply.outputTokens()).isEqualTo(9);
    JsonNode sent = stub.requests().getFirst();
    assertThat(sent.get("model").asString()).isEqualTo("stub-model");
    assertThat(sent.get("temperature").asDouble()).isEqualTo(0.2);
    assertThat(sent.get("messages").get(0).get("role").asString()).isEqualTo("system");
    assertThat(sent.get("tools").get(0).get("function").get("name").asString())
        .isEqualTo("crm__lookup_account");
    assertThat(stub.requests()).as("one call: the tools were not run and sent back").hasSize(1);
  }

  @Test
  void shouldReportAnAnswerThatIsNotJsonAsAFailedCall() {
    stub.notJson();

    ChatReply reply =
        JSON.treeToValue(
            handler(Duration.ofSeconds(10), 0).handle(request(false)), ChatReply.class);

    assertThat(reply.error()).isNotBlank();
    assertThat(reply.toolCalls()).isEmpty();
  }

  @Test
  void shouldRetryARateLimitAndTakeTheAnswerThatFollows() {
    stub.status(429)
        .toolCalls(10, 2, new String[] {"call_9", "crm__lookup_account", "{\"account\":\"ACME\"}"});

    ChatReply reply =
        JSON.treeToValue(
            handler(Duration.ofSeconds(10), 2).handle(request(false)), ChatReply.class);

    assertThat(reply.error()).isNull();
    assertThat(reply.toolCalls()).extracting(ModelCall::id).containsExactly("call_9");
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void shouldReportARateLimitThatOutlastsTheRetries() {
    stub.status(429).status(429);

    ChatReply reply =
        JSON.treeToValue(
            handler(Duration.ofSeconds(10), 1).handle(request(false)), ChatReply.class);

    assertThat(reply.error()).containsIgnoringCase("429");
  }

  @Test
  void shouldGiveUpOnASlowAnswerAfterTheTimeout() {
    CountDownLatch release = new CountDownLatch(1);
    stub.held(release, OpenAiStubServer.textAnswer("too late"));
    try {
      ChatReply reply =
          JSON.treeToValue(
              handler(Duration.ofMillis(500), 0).handle(request(true)), ChatReply.class);

      assertThat(reply.error()).startsWith("timed out after PT0.5S");
    } finally {
      release.countDown();
    }
  }
}
