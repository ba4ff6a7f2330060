package dev.switchboard.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.WriterSignatures;
import dev.switchboard.edge.ActionKeySettings;
import dev.switchboard.edge.InvalidConfigurationException;
import dev.switchboard.edge.SwitchboardKafkaProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The guardrail's wiring without Kafka: a bad policy or bad limits stop the start, saying why. */
class GuardrailStartupTest {
  @TempDir Path dir;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(GuardrailConfiguration.class)
          .withBean(EventCodec.class, EventCodec::new)
          .withBean(TopicNames.class, TopicNames::unprefixed)
          .withBean(
              SwitchboardKafkaProperties.class,
              () -> new SwitchboardKafkaProperties(null, null, null, null, null, null))
          .withBean(WriterSignatures.class, () -> WriterSignatures.off(Service.GUARDRAIL))
          .withBean(
              ActionKeySettings.class,
              () -> new ActionKeySettings("guardrail-startup-test-key-of-32-bytes"))
          .withPropertyValues("switchboard.guardrail.policy.reload-interval=0s");

  @Test
  void shouldStartWithTheShippedPolicyAndFacts() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(ReloadingPolicy.class).get().documents())
              .extracting(ref -> ref.id())
              .containsExactly("switchboard-default");
          assertThat(context.getBean(dev.switchboard.policy.CatalogFacts.class).toolNames())
              .contains("demo.lookup", "email.send", "calendar.schedule_followup");
        });
  }

  @Test
  void shouldRefuseToStartNamingTheFileLineAndExpression() throws IOException {
    Path policy = dir.resolve("bad.yaml");
    Files.writeString(
        policy,
        "id: bad\nversion: 1\nrules:\n  - name: typo\n    when: tool.risk == 'high' && tol.openWorld\n    decision: deny\n    reason: r\n");

    runner
        .withPropertyValues("switchboard.guardrail.policy.locations=" + policy)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(InvalidConfigurationException.class)
                  .hasMessageContaining(policy + ":5: rule 'typo'")
                  .hasMessageContaining("undeclared reference to 'tol'")
                  .hasMessageContaining("tool.risk == 'high' && tol.openWorld");
            });
  }

  @Test
  void shouldRefuseToStartOnARateLimitThatCannotBeCounted() {
    runner
        .withPropertyValues(
            "switchboard.guardrail.rate-limits.limits[0].scope=tool",
            "switchboard.guardrail.rate-limits.limits[0].name=email.send",
            "switchboard.guardrail.rate-limits.limits[0].max=5",
            "switchboard.guardrail.rate-limits.limits[0].per=90s")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("whole number of buckets"));
  }
}
