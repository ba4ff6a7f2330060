package dev.switchboard.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.policy.InvalidPolicyException;
import dev.switchboard.policy.PolicyInput;
import dev.switchboard.policy.PolicySet;
import dev.switchboard.policy.ToolFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.io.DefaultResourceLoader;

class ReloadingPolicyTest {
  private static final String ALLOWING =
      "id: reload\nversion: 1\nrules:\n  - {name: reads, when: tool.readOnly, decision: allow}\n";
  private static final String DENYING =
      "id: reload\nversion: 2\nrules:\n"
          + "  - {name: nothing, when: 'true', decision: deny, reason: closed for the day}\n";
  private static final String BROKEN =
      "id: reload\nversion: 3\nrules:\n  - {name: typo, when: tool.raedOnly, decision: allow}\n";

  @TempDir Path dir;

  @Test
  void shouldTakeOverAChangedPolicyWhileADecisionInFlightKeepsItsOwn() throws IOException {
    Path file = write(ALLOWING);
    ReloadingPolicy policy = reloading(file);
    PolicySet inFlight = policy.get();

    Files.writeString(file, DENYING);
    boolean reloaded = policy.reloadIfChanged();

    assertThat(reloaded).isTrue();
    assertThat(inFlight.evaluate(read()).kind()).isEqualTo("allow");
    assertThat(policy.get().evaluate(read()).rule()).isEqualTo("nothing");
    assertThat(policy.status().documents().getFirst().version()).startsWith("2+");
    assertThat(policy.reloadIfChanged()).as("unchanged").isFalse();
  }

  @Test
  void shouldKeepTheOldPolicyAndSayWhyWhenTheChangedOneDoesNotCompile() throws IOException {
    Path file = write(ALLOWING);
    ReloadingPolicy policy = reloading(file);

    Files.writeString(file, BROKEN);
    boolean reloaded = policy.reloadIfChanged();

    assertThat(reloaded).isFalse();
    assertThat(policy.get().evaluate(read()).rule()).isEqualTo("reads");
    assertThat(policy.status().lastError())
        .contains(file + ":4: rule 'typo'")
        .contains("tool.raedOnly");
    Health health = new PolicyHealthIndicator(policy).health(true);
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsKey("lastReloadError");
    assertThat(health.getDetails().get("documents"))
        .isEqualTo(Map.of("reload", policy.status().documents().getFirst().version()));

    Files.writeString(file, ALLOWING);
    policy.reloadIfChanged();
    assertThat(policy.status().lastError()).as("the bad edit was undone").isNull();
  }

  @Test
  void shouldReadEveryPolicyFileOfADirectory() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), ALLOWING);
    Files.writeString(
        dir.resolve("b.yaml"),
        "id: other\nversion: 1\nrules:\n  - {name: sends, when: '!tool.readOnly', decision: deny, reason: no}\n");
    Files.writeString(dir.resolve("notes.txt"), "not a policy");

    ReloadingPolicy policy = reloading(dir);

    assertThat(policy.get().ruleNames()).containsExactly("reads", "sends");
  }

  @Test
  void shouldRefuseToStartOnAPolicyThatDoesNotCompile() throws IOException {
    Path file = write(BROKEN);

    assertThatThrownBy(() -> reloading(file))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining(file + ":4")
        .hasMessageContaining("tool.raedOnly");
  }

  private ReloadingPolicy reloading(Path location) {
    return new ReloadingPolicy(
        PolicyLocations.of(List.of(location.toString()), new DefaultResourceLoader()),
        Fixtures.CLOCK);
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static PolicyInput read() {
    return new PolicyInput(
        PolicyInput.Kind.TOOL,
        "g/1",
        dev.switchboard.policy.AgentFacts.unknown("a"),
        new ToolFacts("crm.lookup_account", true, true, false, true, false, null, null, true, null),
        null,
        false,
        null,
        null,
        null,
        null,
        Fixtures.NOW);
  }
}
