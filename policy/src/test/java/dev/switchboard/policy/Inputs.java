package dev.switchboard.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Policy inputs for tests, with the fields a test does not care about at plain values. */
final class Inputs {
  static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final AgentFacts SDR =
      new AgentFacts(
          "sdr",
          true,
          "sha256:abc",
          List.of("crm.lookup_account", "email.send", "web.fetch"),
          List.of("agent:writer", "human:sales"));

  private Inputs() {}

  static ToolFacts readTool(String name) {
    return new ToolFacts(name, true, true, false, true, false, null, "sales-tools", true, null);
  }

  static ToolFacts sendTool(String name) {
    return new ToolFacts(name, true, false, false, false, true, null, "sales-tools", true, null);
  }

  static JsonNode json(String json) {
    return JSON.readTree(json);
  }

  static PolicyInput tool(ToolFacts tool, String arguments) {
    return new PolicyInput(
        PolicyInput.Kind.TOOL,
        "g-1/step-1",
        SDR,
        tool,
        json(arguments),
        !tool.readOnly(),
        null,
        new PolicyInput.Goal("g-1", "acme", "alice", Map.of("region", "eu")),
        new PolicyInput.Budget(2, 1, Duration.ofMinutes(3)),
        PolicyInput.Context.CLEAN,
        NOW);
  }

  static PolicyInput tainted(PolicyInput input) {
    return new PolicyInput(
        input.kind(),
        input.actionId(),
        input.agent(),
        input.tool(),
        input.arguments(),
        input.sideEffect(),
        input.handoffTarget(),
        input.goal(),
        input.budget(),
        new PolicyInput.Context(Set.of("untrusted"), Set.of("web.fetch")),
        input.now());
  }

  static PolicyInput handoff(String target) {
    return new PolicyInput(
        PolicyInput.Kind.HANDOFF,
        "e-1/handoff",
        SDR,
        ToolFacts.none(),
        null,
        false,
        target,
        PolicyInput.Goal.unknown("g-1"),
        PolicyInput.Budget.NONE,
        PolicyInput.Context.CLEAN,
        NOW);
  }
}
