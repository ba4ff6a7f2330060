package dev.switchboard.planner.llm;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.switchboard.planner.spec.AgentSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a model's reply before anything of it is proposed: every call names one of the agent's
 * tools (or a control tool), its arguments are a JSON object that matches the tool's schema, and
 * finishing or handing off comes alone. A reply without tool calls may carry the same as a JSON
 * plan in its text ({@code {"calls": [{"tool": ..., "arguments": {...}}]}}, {@code {"finish":
 * "..."}} or {@code {"handoff": {"target": ..., "reason": ...}}}), for models without tool calling.
 */
public final class ChatReplyReader {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema PLAN =
      SCHEMAS.getSchema(
          """
          {
            "type": "object",
            "properties": {
              "calls": {
                "type": "array",
                "minItems": 1,
                "items": {
                  "type": "object",
                  "properties": {"tool": {"type": "string", "minLength": 1}, "arguments": {"type": "object"}},
                  "required": ["tool", "arguments"]
                }
              },
              "finish": {"type": "string", "minLength": 1},
              "handoff": {
                "type": "object",
                "properties": {"target": {"type": "string"}, "reason": {"type": "string", "minLength": 1}},
                "required": ["target", "reason"]
              }
            },
            "oneOf": [{"required": ["calls"]}, {"required": ["finish"]}, {"required": ["handoff"]}]
          }
          """);

  /** What a reply means, once checked. */
  public sealed interface Reading {
    /** Tool calls, in the order the model made them, by the agent's tool names. */
    record Calls(List<Call> calls) implements Reading {}

    record Finish(String summary) implements Reading {}

    record HandOff(String target, String reason) implements Reading {}

    /** Not usable; {@code reason} goes back to the model, or to a person. */
    record Invalid(String reason) implements Reading {}
  }

  /** One checked call. */
  public record Call(String tool, JsonNode arguments) {}

  private final Function<String, JsonNode> toolSchemas;
  private final Map<String, Schema> compiled = new HashMap<>();

  /**
   * @param toolSchemas a tool's input schema (from the tools catalog), or null when unknown
   */
  public ChatReplyReader(Function<String, JsonNode> toolSchemas) {
    this.toolSchemas = toolSchemas;
  }

  public Reading read(AgentSpec agent, ChatReply reply) {
    if (reply.error() != null) {
      return new Reading.Invalid("the model call failed: " + reply.error());
    }
    if (reply.toolCalls().isEmpty()) {
      return fromText(agent, reply.text());
    }
    List<Call> calls = new ArrayList<>();
    for (ModelCall call : reply.toolCalls()) {
      Optional<JsonNode> arguments = object(call.arguments());
      if (arguments.isEmpty()) {
        return new Reading.Invalid(
            "the arguments of "
                + call.name()
                + " are not a JSON object: "
                + clip(call.arguments()));
      }
      Optional<Call> checked = check(agent, call.name(), arguments.get());
      if (checked.isEmpty()) {
        return new Reading.Invalid(
            "'"
                + call.name()
                + "' is not a tool this agent may call; it may call: "
                + String.join(", ", modelNames(agent).keySet()));
      }
      Optional<String> mismatch = mismatch(agent, checked.get());
      if (mismatch.isPresent()) {
        return new Reading.Invalid(mismatch.get());
      }
      calls.add(checked.get());
    }
    return ofCalls(calls);
  }

  /** Why a reply cannot be used, or empty when it can. */
  public Optional<String> problemOf(AgentSpec agent, ChatReply reply) {
    return read(agent, reply) instanceof Reading.Invalid invalid
        ? Optional.of(invalid.reason())
        : Optional.empty();
  }

  private Reading ofCalls(List<Call> calls) {
    boolean control =
        calls.stream()
            .anyMatch(
                c -> c.tool().equals(ControlTools.FINISH) || c.tool().equals(ControlTools.HANDOFF));
    if (control && calls.size() > 1) {
      return new Reading.Invalid(
          ControlTools.FINISH
              + " and "
              + ControlTools.HANDOFF
              + " must be the only call of a reply");
    }
    Call first = calls.getFirst();
    if (first.tool().equals(ControlTools.FINISH)) {
      return new Reading.Finish(first.arguments().get("summary").asString());
    }
    if (first.tool().equals(ControlTools.HANDOFF)) {
      return new Reading.HandOff(
          first.arguments().get("target").asString(), first.arguments().get("reason").asString());
    }
    return new Reading.Calls(calls);
  }

  private Reading fromText(AgentSpec agent, String text) {
    Optional<JsonNode> plan = object(stripFence(text));
    if (plan.isEmpty()) {
      return new Reading.Invalid(
          "the reply has neither tool calls nor a JSON plan: " + clip(text == null ? "" : text));
    }
    List<Error> errors = PLAN.validate(plan.get());
    if (!errors.isEmpty()) {
      return new Reading.Invalid("the JSON plan does not match its schema: " + describe(errors));
    }
    if (plan.get().has("finish")) {
      return new Reading.Finish(plan.get().get("finish").asString());
    }
    if (plan.get().has("handoff")) {
      JsonNode handoff = plan.get().get("handoff");
      Call call = new Call(ControlTools.HANDOFF, handoff);
      Optional<String> mismatch = mismatch(agent, call);
      return mismatch
          .<Reading>map(Reading.Invalid::new)
          .orElseGet(
              () ->
                  new Reading.HandOff(
                      handoff.get("target").asString(), handoff.get("reason").asString()));
    }
    List<Call> calls = new ArrayList<>();
    for (JsonNode call : plan.get().get("calls")) {
      String name = call.get("tool").asString();
      Optional<Call> checked =
          check(agent, name, call.get("arguments"))
              .or(
                  () ->
                      agent.tools().contains(name)
                          ? Optional.of(new Call(name, call.get("arguments")))
                          : Optional.empty());
      if (checked.isEmpty()) {
        return new Reading.Invalid(
            "'"
                + name
                + "' is not a tool this agent may call; it may call: "
                + String.join(", ", agent.tools()));
      }
      Optional<String> mismatch = mismatch(agent, checked.get());
      if (mismatch.isPresent()) {
        return new Reading.Invalid(mismatch.get());
      }
      calls.add(checked.get());
    }
    return ofCalls(calls);
  }

  /** The agent's tool a model-side name stands for, with the arguments. */
  private static Optional<Call> check(AgentSpec agent, String modelName, JsonNode arguments) {
    return Optional.ofNullable(modelNames(agent).get(modelName))
        .map(tool -> new Call(tool, arguments));
  }

  private static Map<String, String> modelNames(AgentSpec agent) {
    Map<String, String> names =
        agent.tools().stream()
            .collect(
                Collectors.toMap(
                    ModelToolNames::toModel, tool -> tool, (a, b) -> a, LinkedHashMap::new));
    names.put(ControlTools.FINISH, ControlTools.FINISH);
    names.put(ControlTools.HANDOFF, ControlTools.HANDOFF);
    return names;
  }

  private Optional<String> mismatch(AgentSpec agent, Call call) {
    JsonNode schema =
        switch (call.tool()) {
          case ControlTools.FINISH -> ControlTools.finishSchema();
          case ControlTools.HANDOFF -> ControlTools.handoffSchema(agent);
          default -> toolSchemas.apply(call.tool());
        };
    if (schema == null) {
      return Optional.empty();
    }
    Schema compiledSchema =
        compiled.computeIfAbsent(
            agent.name() + "/" + call.tool() + "/" + schema,
            k -> SCHEMAS.getSchema(schema.toString()));
    List<Error> errors = compiledSchema.validate(call.arguments());
    return errors.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "the arguments of " + call.tool() + " do not match its schema: " + describe(errors));
  }

  private static Optional<JsonNode> object(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(text);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  /** Models like to wrap JSON in a Markdown code fence. */
  private static String stripFence(String text) {
    if (text == null) {
      return null;
    }
    String stripped = text.strip();
    if (stripped.startsWith("```")) {
      int start = stripped.indexOf('\n');
      int end = stripped.lastIndexOf("```");
      if (start > 0 && end > start) {
        return stripped.substring(start + 1, end);
      }
    }
    return stripped;
  }

  private static String describe(List<Error> errors) {
    return errors.stream().limit(3).map(Error::getMessage).collect(Collectors.joining("; "));
  }

  private static String clip(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + " ...";
  }
}
