package dev.switchboard.policy;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelVariableResolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The variables a policy condition can use, declared once: their CEL types for the compiler and
 * their values for one decision. Absent text is the empty string, so conditions need no null
 * checks.
 */
public final class PolicyVariables {

  /** One variable: its name in CEL, its type, and where its value comes from. */
  public record Variable(String name, CelType type, Function<PolicyInput, Object> value) {}

  private static final CelType STRINGS = ListType.create(SimpleType.STRING);

  public static final List<Variable> ALL =
      List.of(
          new Variable("agent.name", SimpleType.STRING, in -> in.agent().name()),
          new Variable("agent.version", SimpleType.STRING, in -> in.agent().version()),
          new Variable("agent.known", SimpleType.BOOL, in -> in.agent().known()),
          new Variable("agent.tools", STRINGS, in -> in.agent().tools()),
          new Variable("agent.handoffTargets", STRINGS, in -> in.agent().handoffTargets()),
          new Variable("tool.name", SimpleType.STRING, in -> in.tool().name()),
          new Variable("tool.known", SimpleType.BOOL, in -> in.tool().known()),
          new Variable("tool.readOnly", SimpleType.BOOL, in -> in.tool().readOnly()),
          new Variable("tool.destructive", SimpleType.BOOL, in -> in.tool().destructive()),
          new Variable("tool.idempotent", SimpleType.BOOL, in -> in.tool().idempotent()),
          new Variable("tool.openWorld", SimpleType.BOOL, in -> in.tool().openWorld()),
          new Variable("tool.risk", SimpleType.STRING, in -> in.tool().risk()),
          new Variable("tool.server", SimpleType.STRING, in -> in.tool().server()),
          new Variable("tool.trusted", SimpleType.BOOL, in -> in.tool().trusted()),
          new Variable("action.kind", SimpleType.STRING, in -> in.kind().label()),
          new Variable("action.id", SimpleType.STRING, PolicyInput::actionId),
          new Variable("action.sideEffect", SimpleType.BOOL, PolicyInput::sideEffect),
          new Variable(
              "args",
              MapType.create(SimpleType.STRING, SimpleType.DYN),
              in -> argumentsOf(in.arguments())),
          new Variable("handoff.target", SimpleType.STRING, PolicyInput::handoffTarget),
          new Variable("goal.id", SimpleType.STRING, in -> in.goal().id()),
          new Variable("goal.tenant", SimpleType.STRING, in -> in.goal().tenant()),
          new Variable("goal.requestedBy", SimpleType.STRING, in -> in.goal().requestedBy()),
          new Variable(
              "goal.labels",
              MapType.create(SimpleType.STRING, SimpleType.STRING),
              in -> in.goal().labels()),
          new Variable("budget.steps", SimpleType.INT, in -> in.budget().steps()),
          new Variable("budget.allowed", SimpleType.INT, in -> in.budget().allowed()),
          new Variable("budget.elapsed", SimpleType.DURATION, in -> in.budget().elapsed()),
          new Variable("context.untrusted", SimpleType.BOOL, in -> in.context().untrusted()),
          new Variable("context.taint", STRINGS, in -> sorted(in.context().taint())),
          new Variable("context.sources", STRINGS, in -> sorted(in.context().sources())),
          new Variable("now", SimpleType.TIMESTAMP, PolicyInput::now));

  private static final Map<String, Integer> INDEX = indexByName();

  private PolicyVariables() {}

  private static Map<String, Integer> indexByName() {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ALL.size(); i++) {
      index.put(ALL.get(i).name(), i);
    }
    return Map.copyOf(index);
  }

  /**
   * The variables of one decision for CEL, each computed when a condition first reads it: most
   * rules read two or three of them, and converting the arguments is the costly one.
   */
  static CelVariableResolver resolverFor(PolicyInput input) {
    Object[] values = new Object[ALL.size()];
    return name -> {
      Integer index = INDEX.get(name);
      if (index == null) {
        return Optional.empty();
      }
      Object value = values[index];
      if (value == null) {
        value = ALL.get(index).value().apply(input);
        values[index] = value;
      }
      return Optional.of(value);
    };
  }

  /** The values of every variable for one decision, by name. */
  public static Map<String, Object> of(PolicyInput input) {
    Map<String, Object> values = new HashMap<>(ALL.size() * 2);
    for (Variable variable : ALL) {
      values.put(variable.name(), variable.value().apply(input));
    }
    return values;
  }

  /** Arguments as CEL sees them: a map; arguments that are not a JSON object give an empty one. */
  static Map<String, Object> argumentsOf(JsonNode arguments) {
    if (arguments == null || !arguments.isObject()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) celValueOf(arguments);
    return map;
  }

  /**
   * JSON to CEL's values: objects to maps, arrays to lists, integers to int, other numbers to
   * double.
   */
  static Object celValueOf(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return NullValue.NULL_VALUE;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        map.put(field.getKey(), celValueOf(field.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode item : node.values()) {
        list.add(celValueOf(item));
      }
      return list;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asString();
  }

  private static List<String> sorted(java.util.Set<String> values) {
    return values.stream().sorted().toList();
  }
}
