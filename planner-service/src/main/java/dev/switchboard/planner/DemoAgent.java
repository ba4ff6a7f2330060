package dev.switchboard.planner;

import java.util.List;
import java.util.Map;

/** The built-in walking-skeleton agent: look up an account's contact, then write to them. */
final class DemoAgent {
  static final String NAME = "demo";

  private DemoAgent() {}

  static AgentSpec spec() {
    return new AgentSpec(
        NAME,
        "Looks up the contact of an account and sends them a follow-up once a person approves it.",
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
