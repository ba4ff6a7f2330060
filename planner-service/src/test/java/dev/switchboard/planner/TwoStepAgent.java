package dev.switchboard.planner;

import java.util.List;
import java.util.Map;

/**
 * A small agent for the planner's own tests (named like the built-in one): a read-only lookup, then
 * a send with a side effect. The built-in agent's steps are checked in {@code DemoAgentTest}.
 */
final class TwoStepAgent {
  private TwoStepAgent() {}

  static AgentSpec spec() {
    return new AgentSpec(
        DemoAgent.NAME,
        "Looks up a contact and writes to them.",
        List.of(
            new SopStep(
                "demo.lookup",
                Map.of("account", "{{inputs.account | description}}"),
                false,
                "find out whom to write to"),
            new SopStep(
                "demo.send",
                Map.of(
                    "to", "{{step-1.contact}}",
                    "subject", "Following up: {{step-1.account}}",
                    "body", "Hello {{step-1.name}},\n\nfollowing up on: {{description}}"),
                true,
                "send the follow-up to the contact found")));
  }
}
