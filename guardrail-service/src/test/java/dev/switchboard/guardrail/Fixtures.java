package dev.switchboard.guardrail;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.policy.CatalogFacts;
import dev.switchboard.policy.PolicySet;
import dev.switchboard.policy.PolicySource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The guardrail as the service wires it, with the shipped policy and facts, on a fixed clock. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final EventCodec CODEC = new EventCodec();
  static final ActionSigner SIGNER =
      ActionSigner.fromSecret("guardrail-test-signing-key-32-bytes!", CODEC);
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Test-only tools beside the shipped ones: a web reader whose results are untrusted. */
  static final String TEST_FACTS =
      """
      tools:
        web.fetch:
          readOnly: true
          destructive: false
          openWorld: true
          inputSchema: {type: object, required: [url], properties: {url: {type: string}}}
      agents:
        researcher-with-web:
          tools: [web.fetch, email.send, crm.lookup_account]
          handoffTargets: [agent:writer]
      """;

  private Fixtures() {}

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PolicySet defaultPolicy() {
    return policy("policies/default-policy.yaml");
  }

  /** The shipped policy plus extra policy files from the test classpath. */
  static PolicySet policy(String... resources) {
    List<PolicySource> sources = new ArrayList<>();
    for (String name : resources) {
      sources.add(new PolicySource(name, resource(name)));
    }
    return PolicySet.compile(sources);
  }

  static CatalogFacts facts() {
    return CatalogFacts.parse("catalog-facts.yaml", resource("policies/catalog-facts.yaml"))
        .with(CatalogFacts.parse("test-facts.yaml", TEST_FACTS));
  }

  static Guardrail guardrail() {
    return guardrail(defaultPolicy(), GuardrailProperties.defaults(), RateUsage.NONE);
  }

  static Guardrail guardrail(PolicySet policy, GuardrailProperties properties, RateUsage usage) {
    CatalogFacts facts = facts();
    return Guardrail.create(() -> policy, facts, facts.agents(), properties, usage, SIGNER, CLOCK);
  }

  static GoalSubmitted submitted(String goalId, String tenant, String requestedBy) {
    return new GoalSubmitted(
        goalId,
        UUID.randomUUID(),
        null,
        NOW.minusSeconds(60),
        "demo",
        "Tell ACME about the new pricing",
        Map.of("account", "ACME"),
        requestedBy,
        tenant,
        Map.of("region", "eu"));
  }

  static StepsProposed proposed(String goalId, String agent, PlannedAction... actions) {
    return new StepsProposed(goalId, UUID.randomUUID(), null, NOW, agent, List.of(actions));
  }

  static PlannedAction action(String actionId, String tool, String arguments) {
    return new PlannedAction(actionId, tool, json(arguments), List.of(), false, "test");
  }

  static ActionSucceeded succeeded(String goalId, String actionId, String tool, String output) {
    return new ActionSucceeded(goalId, UUID.randomUUID(), null, NOW, actionId, tool, json(output));
  }

  static JsonNode json(String json) {
    return JSON.readTree(json);
  }
}
