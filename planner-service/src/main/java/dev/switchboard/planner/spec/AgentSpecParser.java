package dev.switchboard.planner.spec;

import dev.switchboard.contracts.event.Owners;
import dev.switchboard.planner.spec.StepAction.Ask;
import dev.switchboard.planner.spec.StepAction.CallTool;
import dev.switchboard.planner.spec.StepAction.HandOff;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one agent spec file and checks it whole: every problem is reported with its file, line,
 * column and field, and a file with any problem yields no spec at all. YAML is composed to nodes
 * (never to objects), so a spec cannot instantiate anything.
 */
public final class AgentSpecParser {
  public static final int MAX_SPEC_BYTES = 256 * 1024;

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
  private static final Pattern FACT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TARGET = Pattern.compile("(agent|human):[A-Za-z0-9._-]+");
  private static final Pattern HUMAN_QUEUE = Pattern.compile("human:[A-Za-z0-9._-]+");
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final String INPUTS = "inputs.";
  private static final String DESCRIPTION = "description";

  private static final Set<String> AGENT_FIELDS =
      Set.of(
          "name",
          "description",
          "instructions",
          "planner",
          "model",
          "tools",
          "handoffs",
          "escalation-queue",
          "receives",
          "budgets",
          "sop");
  private static final Set<String> STEP_FIELDS =
      Set.of(
          "id",
          "tool",
          "arguments",
          "side-effect",
          "handoff",
          "reason",
          "ask",
          "queue",
          "needs",
          "when",
          "produces",
          "on-failure",
          "on-denied",
          "rationale");
  private static final Set<String> MODEL_FIELDS =
      Set.of("name", "mode", "temperature", "max-output-tokens");
  private static final Set<String> BUDGET_FIELDS =
      Set.of("max-steps", "max-wall-time", "max-tokens", "max-cost", "max-repeats");
  private static final Set<String> WHEN_FIELDS = Set.of("known", "missing", "equals", "not-equals");

  private final String defaultEscalationQueue;

  /**
   * @param defaultEscalationQueue where agents whose spec names no {@code escalation-queue} send
   *     goals they cannot go on with, e.g. {@code human:operators}
   */
  public AgentSpecParser(String defaultEscalationQueue) {
    if (!HUMAN_QUEUE.matcher(defaultEscalationQueue).matches()) {
      throw new IllegalArgumentException(
          "the default escalation queue must be human:<queue>: " + defaultEscalationQueue);
    }
    this.defaultEscalationQueue = defaultEscalationQueue;
  }

  /**
   * @param source where the content came from, used in every problem's location
   * @throws InvalidSpecException with every problem found
   */
  public LoadedSpec parse(String source, String content) {
    SpecProblems problems = new SpecProblems(source);
    if (content.getBytes(StandardCharsets.UTF_8).length > MAX_SPEC_BYTES) {
      problems.at((Node) null, "", "is larger than " + MAX_SPEC_BYTES + " bytes");
      throw new InvalidSpecException(problems.list());
    }
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(20);
      options.setCodePointLimit(MAX_SPEC_BYTES);
      root = new Yaml(options).compose(new StringReader(content));
    } catch (MarkedYAMLException e) {
      problems.at(e.getProblemMark(), "", "not valid YAML: " + e.getProblem());
      throw new InvalidSpecException(problems.list());
    } catch (YAMLException e) {
      problems.at((Node) null, "", "not valid YAML: " + e.getMessage());
      throw new InvalidSpecException(problems.list());
    }
    if (root == null) {
      problems.at((Node) null, "", "is empty");
      throw new InvalidSpecException(problems.list());
    }
    AgentSpec spec = new Reading(problems).agent(root);
    if (!problems.isEmpty() || spec == null) {
      throw new InvalidSpecException(problems.list());
    }
    return new LoadedSpec(spec, LoadedSpec.hashOf(content), source, content);
  }

  /** One pass over one file. */
  private final class Reading {
    private final SpecProblems problems;
    private final List<Reference> references = new ArrayList<>();

    /** A fact named somewhere in the file, checked once every step's facts are known. */
    private record Reference(Node node, String field, String fact) {}

    Reading(SpecProblems problems) {
      this.problems = problems;
    }

    AgentSpec agent(Node root) {
      Optional<YamlMap> read = YamlMap.of(root, "", problems);
      if (read.isEmpty()) {
        return null;
      }
      YamlMap map = read.get();
      map.allowOnly(AGENT_FIELDS);
      String name = map.requiredText("name").map(n -> named(map, "name", n)).orElse(null);
      PlannerKind planner = plannerKind(map);
      List<String> tools = map.textList("tools");
      List<String> handoffs = map.textList("handoffs");
      checkTargets(map, handoffs, name);
      String escalationQueue =
          map.text("escalation-queue")
              .filter(q -> matches(map, "escalation-queue", q, HUMAN_QUEUE, "human:<queue>"))
              .orElse(defaultEscalationQueue);
      List<String> receives = map.textList("receives");
      receives.forEach(fact -> checkFactName(map, "receives", fact));
      List<String> targets = new ArrayList<>(handoffs);
      targets.add(escalationQueue);
      List<SopStep> sop = sop(map, tools, targets);
      boolean noSteps =
          map.value("sop")
              .map(n -> n instanceof SequenceNode s && s.getValue().isEmpty())
              .orElse(true);
      if (planner == PlannerKind.DETERMINISTIC && noSteps) {
        problems.at(map.node(), "sop", "needs at least one step for a deterministic agent");
      }
      checkReferences(sop, receives);
      if (name == null) {
        return null;
      }
      return new AgentSpec(
          name,
          map.text("description").orElse(null),
          map.text("instructions").orElse(null),
          planner,
          model(map),
          tools,
          handoffs,
          escalationQueue,
          receives,
          budgets(map),
          sop);
    }

    private String named(YamlMap map, String key, String name) {
      if (!NAME.matcher(name).matches()) {
        problems.at(
            map.value(key).orElseThrow(),
            map.pathOf(key),
            "'"
                + name
                + "' must be lower case letters, digits, '-' or '_', starting with a letter");
      }
      return name;
    }

    private PlannerKind plannerKind(YamlMap map) {
      return map.text("planner")
          .map(
              text -> {
                for (PlannerKind kind : PlannerKind.values()) {
                  if (kind.wireName().equals(text)) {
                    return kind;
                  }
                }
                problems.at(
                    map.value("planner").orElseThrow(),
                    "planner",
                    "'" + text + "' is not a planner; expected deterministic or llm");
                return PlannerKind.DETERMINISTIC;
              })
          .orElse(PlannerKind.DETERMINISTIC);
    }

    private void checkTargets(YamlMap map, List<String> handoffs, String self) {
      for (int i = 0; i < handoffs.size(); i++) {
        String target = handoffs.get(i);
        String field = "handoffs[" + i + "]";
        Node node = ((SequenceNode) map.value("handoffs").orElseThrow()).getValue().get(i);
        if (!TARGET.matcher(target).matches()) {
          problems.at(node, field, "'" + target + "' must be agent:<name> or human:<queue>");
        } else if (target.equals(Owners.agent(self))) {
          problems.at(node, field, "an agent cannot hand a goal to itself");
        }
      }
    }

    private boolean matches(YamlMap map, String key, String text, Pattern pattern, String form) {
      if (pattern.matcher(text).matches()) {
        return true;
      }
      problems.at(map.value(key).orElseThrow(), map.pathOf(key), "'" + text + "' must be " + form);
      return false;
    }

    private void checkFactName(YamlMap map, String key, String fact) {
      if (!FACT.matcher(fact).matches()) {
        problems.at(
            map.value(key).orElseThrow(),
            map.pathOf(key),
            "'"
                + fact
                + "' is not a fact name (letters, digits and '_', not starting with a digit)");
      }
    }

    private ModelSettings model(YamlMap agent) {
      Optional<Node> node = agent.value("model");
      if (node.isEmpty()) {
        return ModelSettings.DEFAULTS;
      }
      Optional<YamlMap> read = YamlMap.of(node.get(), "model", problems);
      if (read.isEmpty()) {
        return ModelSettings.DEFAULTS;
      }
      YamlMap map = read.get();
      map.allowOnly(MODEL_FIELDS);
      ModelSettings.PlanningMode mode =
          map.text("mode")
              .map(
                  text ->
                      switch (text) {
                        case "react" -> ModelSettings.PlanningMode.REACT;
                        case "plan-and-execute" -> ModelSettings.PlanningMode.PLAN_AND_EXECUTE;
                        default -> {
                          problems.at(
                              map.value("mode").orElseThrow(),
                              "model.mode",
                              "'" + text + "' is not a mode; expected react or plan-and-execute");
                          yield null;
                        }
                      })
              .orElse(null);
      Double temperature =
          map.decimal("temperature", "must be a number from 0 to 2")
              .filter(
                  t -> {
                    if (t.compareTo(BigDecimal.TWO) <= 0) {
                      return true;
                    }
                    problems.at(
                        map.value("temperature").orElseThrow(),
                        "model.temperature",
                        "must be a number from 0 to 2");
                    return false;
                  })
              .map(BigDecimal::doubleValue)
              .orElse(null);
      return new ModelSettings(
          map.text("name").orElse(null),
          mode,
          temperature,
          map.positiveInt("max-output-tokens").orElse(null));
    }

    private Budgets budgets(YamlMap agent) {
      Budgets defaults = Budgets.DEFAULTS;
      Optional<Node> node = agent.value("budgets");
      if (node.isEmpty()) {
        return defaults;
      }
      Optional<YamlMap> read = YamlMap.of(node.get(), "budgets", problems);
      if (read.isEmpty()) {
        return defaults;
      }
      YamlMap map = read.get();
      map.allowOnly(BUDGET_FIELDS);
      return new Budgets(
          map.positiveInt("max-steps").orElse(defaults.maxSteps()),
          map.text("max-wall-time")
              .flatMap(text -> duration(map, "max-wall-time", text))
              .orElse(defaults.maxWallTime()),
          map.decimal("max-tokens", "must be a whole number of 0 or more")
              .flatMap(tokens -> wholeNumber(map, "max-tokens", tokens))
              .orElse(defaults.maxTokens()),
          map.decimal("max-cost", "must be an amount of 0 or more (US dollars)")
              .orElse(defaults.maxCost()),
          map.positiveInt("max-repeats").orElse(defaults.maxRepeats()));
    }

    private Optional<Long> wholeNumber(YamlMap map, String key, BigDecimal number) {
      try {
        return Optional.of(number.longValueExact());
      } catch (ArithmeticException e) {
        problems.at(
            map.value(key).orElseThrow(), map.pathOf(key), "must be a whole number of 0 or more");
        return Optional.empty();
      }
    }

    private Optional<Duration> duration(YamlMap map, String key, String text) {
      String trimmed = text.strip().toLowerCase(Locale.ROOT);
      try {
        Duration duration;
        Matcher simple = DURATION.matcher(trimmed);
        if (simple.matches()) {
          long amount = Long.parseLong(simple.group(1));
          duration =
              switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
              };
        } else {
          duration = Duration.parse(text.strip());
        }
        if (duration.isPositive()) {
          return Optional.of(duration);
        }
      } catch (RuntimeException e) {
        // reported below
      }
      problems.at(
          map.value(key).orElseThrow(),
          map.pathOf(key),
          "'" + text + "' is not a duration above 0, e.g. 90s, 30m, 2h or PT30M");
      return Optional.empty();
    }

    private List<SopStep> sop(YamlMap agent, List<String> tools, List<String> targets) {
      Optional<Node> node = agent.value("sop");
      if (node.isEmpty()) {
        return List.of();
      }
      if (!(node.get() instanceof SequenceNode sequence)) {
        problems.at(node.get(), "sop", "must be a list of steps");
        return List.of();
      }
      List<SopStep> steps = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < sequence.getValue().size(); i++) {
        String path = "sop[" + i + "]";
        YamlMap.of(sequence.getValue().get(i), path, problems)
            .flatMap(map -> step(map, tools, targets, ids))
            .ifPresent(steps::add);
      }
      return steps;
    }

    private Optional<SopStep> step(
        YamlMap map, List<String> tools, List<String> targets, Set<String> ids) {
      map.allowOnly(STEP_FIELDS);
      Optional<String> id = map.requiredText("id").map(n -> named(map, "id", n));
      id.filter(n -> !ids.add(n))
          .ifPresent(
              n ->
                  problems.at(
                      map.value("id").orElseThrow(),
                      map.pathOf("id"),
                      "'" + n + "' is the id of an earlier step too"));
      StepAction action = action(map, tools, targets);
      List<String> needs = map.textList("needs");
      needs.forEach(fact -> reference(map.value("needs").orElseThrow(), map.pathOf("needs"), fact));
      Condition when = condition(map);
      Map<String, String> produces = produces(map);
      List<Fallback> onFailure = fallbacks(map, "on-failure", tools, targets);
      List<Fallback> onDenied = fallbacks(map, "on-denied", tools, targets);
      if (id.isEmpty() || action == null) {
        return Optional.empty();
      }
      return Optional.of(
          new SopStep(
              id.get(),
              action,
              needs,
              when,
              produces,
              onFailure,
              onDenied,
              map.text("rationale").orElse(null)));
    }

    private StepAction action(YamlMap map, List<String> tools, List<String> targets) {
      List<String> kinds = List.of("tool", "handoff", "ask").stream().filter(map::has).toList();
      if (kinds.size() != 1) {
        problems.at(
            map.node(),
            map.pathOf(kinds.isEmpty() ? "tool" : kinds.get(1)),
            kinds.isEmpty()
                ? "a step needs one of tool, handoff or ask"
                : "a step has only one of tool, handoff or ask, not "
                    + String.join(" and ", kinds));
        return null;
      }
      String kind = kinds.getFirst();
      onlyWith(map, kind, "tool", "arguments", "side-effect");
      onlyWith(map, kind, "handoff", "reason");
      onlyWith(map, kind, "ask", "queue");
      return switch (kind) {
        case "tool" -> {
          String tool = map.text("tool").orElse(null);
          if (tool != null && !tools.contains(tool)) {
            problems.at(
                map.value("tool").orElseThrow(),
                map.pathOf("tool"),
                "'" + tool + "' is not among this agent's tools: " + listed(tools));
          }
          JsonNode arguments = arguments(map, "arguments");
          boolean sideEffect = map.bool("side-effect").orElse(false);
          yield tool == null ? null : new CallTool(tool, arguments, sideEffect);
        }
        case "handoff" -> {
          String target = map.text("handoff").orElse(null);
          if (target != null && !targets.contains(target)) {
            problems.at(
                map.value("handoff").orElseThrow(),
                map.pathOf("handoff"),
                "'" + target + "' is not among this agent's handoffs: " + listed(targets));
          }
          String reason =
              template(map, "reason").orElse("step " + map.text("id").orElse("?") + " hands off");
          yield target == null ? null : new HandOff(target, reason);
        }
        default -> {
          String question = template(map, "ask").orElse(null);
          if (!map.has("queue")) {
            problems.at(map.node(), map.pathOf("queue"), "is required for a question");
          }
          String queue =
              map.text("queue")
                  .filter(q -> matches(map, "queue", q, HUMAN_QUEUE, "human:<queue>"))
                  .orElse(null);
          yield question == null || queue == null ? null : new Ask(queue, question);
        }
      };
    }

    private void onlyWith(YamlMap map, String kind, String owner, String... fields) {
      if (kind.equals(owner)) {
        return;
      }
      for (String field : fields) {
        if (map.has(field)) {
          problems.at(map.keyNode(field), map.pathOf(field), "belongs to a " + owner + " step");
        }
      }
    }

    private Optional<String> template(YamlMap map, String key) {
      Optional<String> text = map.text(key);
      text.ifPresent(t -> checkTemplate(map.value(key).orElseThrow(), map.pathOf(key), t));
      return text;
    }

    private JsonNode arguments(YamlMap map, String key) {
      Optional<Node> node = map.value(key);
      if (node.isEmpty()) {
        return JsonNodeFactory.instance.objectNode();
      }
      if (!(node.get() instanceof MappingNode)) {
        problems.at(node.get(), map.pathOf(key), "must be a mapping of argument names to values");
        return JsonNodeFactory.instance.objectNode();
      }
      return json(node.get(), map.pathOf(key));
    }

    /** A YAML value as JSON; its strings are templates, checked and their facts noted. */
    private JsonNode json(Node node, String path) {
      JsonNodeFactory json = JsonNodeFactory.instance;
      return switch (node) {
        case ScalarNode scalar -> scalar(scalar, path);
        case SequenceNode sequence -> {
          ArrayNode array = json.arrayNode();
          for (int i = 0; i < sequence.getValue().size(); i++) {
            array.add(json(sequence.getValue().get(i), path + "[" + i + "]"));
          }
          yield array;
        }
        case MappingNode mapping -> {
          ObjectNode object = json.objectNode();
          YamlMap.of(mapping, path, problems)
              .ifPresent(
                  map -> map.entries().forEach((k, v) -> object.set(k, json(v, map.pathOf(k)))));
          yield object;
        }
        default -> {
          problems.at(node, path, "is not a value");
          yield json.nullNode();
        }
      };
    }

    private JsonNode scalar(ScalarNode scalar, String path) {
      JsonNodeFactory json = JsonNodeFactory.instance;
      Tag tag = scalar.getTag();
      String text = scalar.getValue();
      try {
        if (tag.equals(Tag.INT)) {
          return json.numberNode(new BigDecimal(text.replace("_", "")).toBigIntegerExact());
        }
        if (tag.equals(Tag.FLOAT)) {
          return json.numberNode(new BigDecimal(text.replace("_", "")));
        }
      } catch (ArithmeticException | NumberFormatException e) {
        return json.stringNode(text);
      }
      if (tag.equals(Tag.BOOL)) {
        return json.booleanNode(Boolean.parseBoolean(text.toLowerCase(Locale.ROOT)));
      }
      if (tag.equals(Tag.NULL)) {
        return json.nullNode();
      }
      checkTemplate(scalar, path, text);
      return json.stringNode(text);
    }

    private void checkTemplate(Node node, String path, String template) {
      Optional<String> error = ArgumentTemplate.syntaxError(template);
      if (error.isPresent()) {
        problems.at(node, path, "'" + template + "' " + error.get());
        return;
      }
      for (ArgumentTemplate.Placeholder placeholder : ArgumentTemplate.placeholders(template)) {
        placeholder.facts().forEach(fact -> reference(node, path, fact));
      }
    }

    private void reference(Node node, String path, String fact) {
      references.add(new Reference(node, path, fact));
    }

    private Condition condition(YamlMap step) {
      Optional<Node> node = step.value("when");
      if (node.isEmpty()) {
        return Condition.ALWAYS;
      }
      Optional<YamlMap> read = YamlMap.of(node.get(), step.pathOf("when"), problems);
      if (read.isEmpty()) {
        return Condition.ALWAYS;
      }
      YamlMap map = read.get();
      map.allowOnly(WHEN_FIELDS);
      if (map.entries().isEmpty()) {
        problems.at(map.node(), step.pathOf("when"), "needs known, missing, equals or not-equals");
      }
      List<String> known = map.textList("known");
      List<String> missing = map.textList("missing");
      known.forEach(f -> reference(map.value("known").orElseThrow(), map.pathOf("known"), f));
      missing.forEach(f -> reference(map.value("missing").orElseThrow(), map.pathOf("missing"), f));
      return new Condition(known, missing, textMap(map, "equals"), textMap(map, "not-equals"));
    }

    private Map<String, String> textMap(YamlMap parent, String key) {
      Map<String, String> values = new LinkedHashMap<>();
      parent
          .value(key)
          .flatMap(node -> YamlMap.of(node, parent.pathOf(key), problems))
          .ifPresent(
              map ->
                  map.entries()
                      .forEach(
                          (fact, value) -> {
                            reference(map.keyNode(fact), map.pathOf(fact), fact);
                            if (value instanceof ScalarNode scalar && !YamlMap.isNull(value)) {
                              values.put(fact, scalar.getValue());
                            } else {
                              problems.at(value, map.pathOf(fact), "must be a single value");
                            }
                          }));
      return values;
    }

    private Map<String, String> produces(YamlMap step) {
      Map<String, String> produces = new LinkedHashMap<>();
      Optional<Node> node = step.value("produces");
      if (node.isEmpty()) {
        return produces;
      }
      String path = step.pathOf("produces");
      if (node.get() instanceof SequenceNode) {
        for (String fact : step.textList("produces")) {
          checkFactName(step, "produces", fact);
          produces.put(fact, fact);
        }
        return produces;
      }
      YamlMap.of(node.get(), path, problems)
          .ifPresent(
              map ->
                  map.entries()
                      .forEach(
                          (fact, field) -> {
                            if (!FACT.matcher(fact).matches()) {
                              problems.at(
                                  map.keyNode(fact),
                                  map.pathOf(fact),
                                  "'" + fact + "' is not a fact name");
                            }
                            if (field instanceof ScalarNode scalar
                                && !scalar.getValue().isBlank()
                                && !YamlMap.isNull(field)) {
                              produces.put(fact, scalar.getValue());
                            } else {
                              problems.at(
                                  field,
                                  map.pathOf(fact),
                                  "must name a field of the result, e.g. contact or contact.email");
                            }
                          }));
      return produces;
    }

    private List<Fallback> fallbacks(
        YamlMap step, String key, List<String> tools, List<String> targets) {
      Optional<Node> node = step.value(key);
      if (node.isEmpty()) {
        return List.of();
      }
      String path = step.pathOf(key);
      List<Fallback> fallbacks = new ArrayList<>();
      if (node.get() instanceof SequenceNode sequence) {
        for (int i = 0; i < sequence.getValue().size(); i++) {
          fallback(sequence.getValue().get(i), path + "[" + i + "]", tools, targets)
              .ifPresent(fallbacks::add);
        }
      } else {
        fallback(node.get(), path, tools, targets).ifPresent(fallbacks::add);
      }
      return fallbacks;
    }

    private Optional<Fallback> fallback(
        Node node, String path, List<String> tools, List<String> targets) {
      String expected =
          "expected skip, fail, {handoff: <target>} or {alternate: {tool: ..., arguments: ...}}";
      if (node instanceof ScalarNode scalar) {
        return switch (scalar.getValue()) {
          case "skip" -> Optional.of(new Fallback.Skip());
          case "fail" -> Optional.of(new Fallback.Fail());
          default -> {
            problems.at(node, path, "'" + scalar.getValue() + "' is not a fallback; " + expected);
            yield Optional.empty();
          }
        };
      }
      Optional<YamlMap> read = YamlMap.of(node, path, problems);
      if (read.isEmpty()) {
        return Optional.empty();
      }
      YamlMap map = read.get();
      map.allowOnly(Set.of("handoff", "alternate"));
      if (map.entries().size() != 1) {
        problems.at(node, path, expected);
        return Optional.empty();
      }
      if (map.has("handoff")) {
        return map.text("handoff")
            .filter(
                target -> {
                  if (targets.contains(target)) {
                    return true;
                  }
                  problems.at(
                      map.value("handoff").orElseThrow(),
                      map.pathOf("handoff"),
                      "'" + target + "' is not among this agent's handoffs: " + listed(targets));
                  return false;
                })
            .map(Fallback.HandOffTo::new);
      }
      return map.value("alternate")
          .flatMap(alternate -> YamlMap.of(alternate, map.pathOf("alternate"), problems))
          .flatMap(
              alternate -> {
                alternate.allowOnly(Set.of("tool", "arguments", "side-effect"));
                Optional<String> tool = alternate.requiredText("tool");
                tool.filter(t -> !tools.contains(t))
                    .ifPresent(
                        t ->
                            problems.at(
                                alternate.value("tool").orElseThrow(),
                                alternate.pathOf("tool"),
                                "'" + t + "' is not among this agent's tools: " + listed(tools)));
                JsonNode arguments = arguments(alternate, "arguments");
                boolean sideEffect = alternate.bool("side-effect").orElse(false);
                return tool.map(t -> new Fallback.Alternate(t, arguments, sideEffect));
              });
    }

    private void checkReferences(List<SopStep> sop, List<String> receives) {
      Set<String> known = new TreeSet<>(receives);
      sop.forEach(step -> known.addAll(step.produces().keySet()));
      for (Reference reference : references) {
        String fact = reference.fact();
        if (fact.equals(DESCRIPTION)
            || fact.startsWith(INPUTS) && fact.length() > INPUTS.length()
            || known.contains(fact)) {
          continue;
        }
        problems.at(
            reference.node(),
            reference.field(),
            "refers to fact '"
                + fact
                + "', which no step produces and the agent does not receive; known facts: "
                + (known.isEmpty() ? "none" : String.join(", ", known))
                + " (and description, inputs.<name>)");
      }
    }

    private static String listed(List<String> values) {
      return values.isEmpty() ? "(none)" : String.join(", ", values);
    }
  }
}
