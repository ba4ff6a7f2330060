package dev.switchboard.guardrail;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.switchboard.policy.PolicyDecision;
import dev.switchboard.policy.PolicyRef;
import dev.switchboard.policy.ToolFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The check before policy: an action's arguments must match its tool's input JSON Schema. A
 * mismatch is denied with the validator's messages, so the planner can correct itself.
 */
final class ArgumentSchemas {
  static final String RULE = "argument-schema";
  private static final int MAX_ERRORS = 5;

  // Schemas come from tool servers: never let one make the guardrail fetch a URL.
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
  private final Map<JsonNode, Schema> compiled = new ConcurrentHashMap<>();

  /** A denial when the arguments do not match; empty when they do or the tool has no schema. */
  Optional<PolicyDecision> check(ToolFacts tool, JsonNode arguments) {
    if (tool.inputSchema() == null) {
      return Optional.empty();
    }
    List<Error> errors;
    try {
      errors =
          compiled.computeIfAbsent(tool.inputSchema(), registry::getSchema).validate(arguments);
    } catch (RuntimeException e) {
      // An unusable schema must not let any argument through.
      return Optional.of(
          deny("the input schema of '" + tool.name() + "' cannot be used: " + e.getMessage()));
    }
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    String listed =
        errors.stream().limit(MAX_ERRORS).map(Error::toString).collect(Collectors.joining("; "));
    String more =
        errors.size() > MAX_ERRORS ? " (and " + (errors.size() - MAX_ERRORS) + " more)" : "";
    return Optional.of(
        deny(
            "the arguments do not match the input schema of '"
                + tool.name()
                + "': "
                + listed
                + more));
  }

  private static PolicyDecision deny(String reason) {
    return new PolicyDecision.Deny(RULE, reason, PolicyRef.BUILT_IN);
  }
}
