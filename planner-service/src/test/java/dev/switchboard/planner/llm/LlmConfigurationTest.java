package dev.switchboard.planner.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.EventCodec;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** No provider, no model: the LLM planner exists only when one is configured. */
class LlmConfigurationTest {
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withBean(EventCodec.class, EventCodec::new)
          .withBean(
              dev.switchboard.planner.KnownTools.class,
              () -> dev.switchboard.planner.KnownTools.NONE)
          .withUserConfiguration(LlmConfiguration.class);

  @Test
  void shouldConfigureNothingOfSpringAiWithoutAProvider() {
    context.run(
        started -> {
          assertThat(started).hasNotFailed();
          assertThat(started).doesNotHaveBean(ChatModel.class);
          assertThat(started).doesNotHaveBean(LlmPlanner.class);
          assertThat(started).doesNotHaveBean(ChatEffectHandler.class);
        });
  }

  @Test
  void shouldBuildTheConfiguredProvidersModelAndThePlanner() {
    context
        .withPropertyValues(
            "switchboard.planner.llm.provider=openai",
            "switchboard.planner.llm.base-url=http://127.0.0.1:1/v1",
            "switchboard.planner.llm.api-key=sk-secret-value",
            "switchboard.planner.llm.model=gpt-4o-mini",
            "switchboard.planner.llm.prices.gpt-4o-mini.input=0.15",
            "switchboard.planner.llm.prices.gpt-4o-mini.output=0.60")
        .run(
            started -> {
              assertThat(started).hasSingleBean(LlmPlanner.class);
              assertThat(started).hasSingleBean(ChatEffectHandler.class);
              assertThat(started.getBean(ChatModel.class)).isInstanceOf(OpenAiChatModel.class);
              LlmProperties llm = started.getBean(LlmProperties.class);
              assertThat(llm.prices().get("gpt-4o-mini").output()).isEqualByComparingTo("0.60");
              assertThat(llm.toString())
                  .doesNotContain("sk-secret-value")
                  .contains("apiKey=hidden");
            });
  }

  @Test
  void shouldBuildAnthropicAndOllamaModelsToo() {
    context
        .withPropertyValues(
            "switchboard.planner.llm.provider=anthropic",
            "switchboard.planner.llm.api-key=k",
            "switchboard.planner.llm.model=claude-sonnet-4-5")
        .run(started -> assertThat(started).hasSingleBean(ChatModel.class));
    context
        .withPropertyValues(
            "switchboard.planner.llm.provider=ollama", "switchboard.planner.llm.model=llama3.2")
        .run(started -> assertThat(started).hasSingleBean(ChatModel.class));
  }

  @Test
  void shouldRefuseAnUnknownProviderOrAMissingKey() {
    context
        .withPropertyValues("switchboard.planner.llm.provider=oracle")
        .run(
            started ->
                assertThat(started)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("'oracle' is not a provider"));
    context
        .withPropertyValues(
            "switchboard.planner.llm.provider=openai", "switchboard.planner.llm.model=m")
        .run(
            started ->
                assertThat(started)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "switchboard.planner.llm.api-key is required for the configured provider"));
  }
}
