package dev.switchboard.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test cases for a policy, as policy authors write them for their CI: each a proposed action with
 * its context and the decision (and rule) it must get. See {@code guardrail-service/README.md}.
 */
public final class PolicyCases {
  /** A Monday, 10:00 UTC: cases without {@code now} decide at the same moment in every run. */
  public static final Instant DEFAULT_NOW = Instant.parse("2026-01-05T10:00:00Z");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> TOP = Set.of("facts", "tools", "agents", "cases");
  private static final Set<String> CASE_FIELDS =
      Set.of(
          "name",
          "agent",
          "tool",
          "handoff",
          "arguments",
          "sideEffect",
          "goal",
          "budget",
          "taint",
          "sources",
          "now",
          "expect");

  /**
   * One case: the input to decide and what must come out.
   *
   * @param expectedRule null when the case only expects a decision
   * @param expectedSla for an escalation, the SLA its route must carry; null: not checked
   * @param expectedOnExpiry for an escalation, its route's {@code onExpiry} (empty: deny); null:
   *     not checked
   */
  public record Case(
      String name,
      PolicyInput input,
      String expectedDecision,
      String expectedRule,
      Duration expectedSla,
      List<String> expectedOnExpiry) {
    public Case(String name, PolicyInput input, String expectedDecision, String expectedRule) {
      this(name, input, expectedDecision, expectedRule, null, null);
    }
  }

  /** How one case came out. */
  public record Result(String name, PolicyDecision actual, Case expected) {
    public String expectedDecision() {
      return expected.expectedDecision();
    }

    public String expectedRule() {
      return expected.expectedRule();
    }

    public boolean passed() {
      if (!actual.kind().equals(expected.expectedDecision())
          || (expected.expectedRule() != null && !actual.rule().equals(expected.expectedRule()))) {
        return false;
      }
      EscalationRoute route =
          actual instanceof PolicyDecision.Escalate escalate ? escalate.route() : null;
      return (expected.expectedSla() == null
              || (route != null && expected.expectedSla().equals(route.sla())))
          && (expected.expectedOnExpiry() == null
              || (route != null && expected.expectedOnExpiry().equals(route.onExpiry())));
    }

    /** What the case expects, as the CLI prints it: {@code escalate by r (sla PT4H, deny)}. */
    public String describeExpected() {
      return describe(
          expected.expectedDecision(),
          expected.expectedRule(),
          expected.expectedSla(),
          expected.expectedOnExpiry(),
          expected.expectedSla() != null,
          expected.expectedOnExpiry() != null);
    }

    /** What the policy decided, with the route's parts the case checks. */
    public String describeActual() {
      EscalationRoute route =
          actual instanceof PolicyDecision.Escalate escalate
              ? escalate.route()
              : EscalationRoute.DEFAULT;
      return describe(
          actual.kind(),
          actual.rule(),
          route.sla(),
          route.onExpiry(),
          expected.expectedSla() != null,
          expected.expectedOnExpiry() != null);
    }

    private static String describe(
        String decision,
        String rule,
        Duration sla,
        List<String> onExpiry,
        boolean withSla,
        boolean withExpiry) {
      List<String> route = new ArrayList<>();
      if (withSla) {
        route.add("sla " + (sla == null ? "inbox default" : sla));
      }
      if (withExpiry) {
        route.add("on expiry " + EscalationRoute.describeExpiry(onExpiry));
      }
      return decision
          + (rule == null ? "" : " by " + rule)
          + (route.isEmpty() ? "" : " (" + String.join(", ", route) + ")");
    }
  }

  private final String file;
  private final List<Case> cases;

  private PolicyCases(String file, List<Case> cases) {
    this.file = file;
    this.cases = List.copyOf(cases);
  }

  public List<Case> cases() {
    return cases;
  }

  /** Decides every case with the policy. */
  public List<Result> run(PolicySet policy) {
    return cases.stream().map(c -> new Result(c.name(), policy.evaluate(c.input()), c)).toList();
  }

  /**
   * Reads a cases file; {@code facts:} is resolved against the file's directory.
   *
   * @throws InvalidPolicyException naming the file and the case that is wrong
   */
  public static PolicyCases load(Path path) {
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      throw invalid(path.toString(), "cannot be read: " + e);
    }
    String file = path.toString();
    Map<String, Object> top = map(load(file, text), file, "the cases file", TOP);
    CatalogFacts facts = CatalogFacts.EMPTY;
    if (top.get("facts") != null) {
      Path factsPath = resolve(path, String.valueOf(top.get("facts")));
      try {
        facts = CatalogFacts.parse(factsPath.toString(), Files.readString(factsPath));
      } catch (IOException e) {
        throw invalid(file, "'facts' file " + factsPath + " cannot be read: " + e);
      }
    }
    facts = facts.with(CatalogFacts.of(file, top.get("tools"), top.get("agents")));
    Object items = top.get("cases");
    if (!(items instanceof List<?> list) || list.isEmpty()) {
      throw invalid(file, "needs 'cases': a list of at least one case");
    }
    List<Case> cases = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Case c = parseCase(file, i + 1, list.get(i), facts);
      if (!names.add(c.name())) {
        throw invalid(file, "case name '" + c.name() + "' is used twice");
      }
      cases.add(c);
    }
    return new PolicyCases(file, cases);
  }

  public String file() {
    return file;
  }

  private static Case parseCase(String file, int index, Object item, CatalogFacts facts) {
    Map<String, Object> fields = map(item, file, "case " + index, CASE_FIELDS);
    String name = fields.get("name") == null ? "case " + index : fields.get("name").toString();
    String what = "case '" + name + "'";
    String tool = text(fields.get("tool"));
    String handoff = text(fields.get("handoff"));
    if ((tool == null) == (handoff == null)) {
      throw invalid(file, what + " needs exactly one of 'tool' and 'handoff'");
    }
    Map<String, Object> expect =
        map(
            fields.get("expect"),
            file,
            what + " 'expect'",
            Set.of("decision", "rule", "sla", "onExpiry"));
    String decision = text(expect.get("decision"));
    if (decision == null || !PolicyParser.DECISIONS.contains(decision)) {
      throw invalid(file, what + " 'expect.decision' must be allow, deny or escalate");
    }
    AgentFacts agent =
        facts.agents().factsOf(text(fields.get("agent")) == null ? "" : text(fields.get("agent")));
    ToolFacts toolFacts = tool == null ? ToolFacts.none() : facts.factsOf(tool);
    JsonNode arguments = JSON.valueToTree(fields.getOrDefault("arguments", Map.of()));
    boolean sideEffect =
        fields.get("sideEffect") instanceof Boolean b ? b : tool != null && !toolFacts.readOnly();
    Map<String, Object> goal =
        map(
            fields.getOrDefault("goal", Map.of()),
            file,
            what + " 'goal'",
            Set.of("id", "tenant", "requestedBy", "labels"));
    Map<String, String> labels = new LinkedHashMap<>();
    map(goal.getOrDefault("labels", Map.of()), file, what + " 'goal.labels'", null)
        .forEach((k, v) -> labels.put(k, String.valueOf(v)));
    Map<String, Object> budget =
        map(
            fields.getOrDefault("budget", Map.of()),
            file,
            what + " 'budget'",
            Set.of("steps", "allowed", "elapsed"));
    Duration elapsed = Duration.ZERO;
    if (budget.get("elapsed") != null) {
      elapsed = Durations.parse(budget.get("elapsed").toString());
      if (elapsed == null) {
        throw invalid(file, what + " 'budget.elapsed' must be a duration like PT10M or 10m");
      }
    }
    PolicyInput input =
        new PolicyInput(
            tool == null ? PolicyInput.Kind.HANDOFF : PolicyInput.Kind.TOOL,
            "case-" + index,
            agent,
            toolFacts,
            arguments,
            sideEffect,
            handoff,
            new PolicyInput.Goal(
                text(goal.get("id")) == null ? "case-" + index : text(goal.get("id")),
                text(goal.get("tenant")),
                text(goal.get("requestedBy")),
                labels),
            new PolicyInput.Budget(
                number(budget.get("steps"), file, what),
                number(budget.get("allowed"), file, what),
                elapsed),
            new PolicyInput.Context(texts(fields.get("taint")), texts(fields.get("sources"))),
            instant(fields.get("now"), file, what));
    Duration sla = null;
    if (expect.get("sla") != null) {
      sla = Durations.parse(expect.get("sla").toString());
      if (sla == null) {
        throw invalid(file, what + " 'expect.sla' must be a duration like PT4H or 30m");
      }
    }
    List<String> onExpiry = expectedOnExpiry(expect.get("onExpiry"), file, what);
    if ((sla != null || onExpiry != null) && !decision.equals("escalate")) {
      throw invalid(file, what + " expects 'sla' or 'onExpiry' of a decision that is not escalate");
    }
    return new Case(name, input, decision, text(expect.get("rule")), sla, onExpiry);
  }

  /** {@code deny}, a {@code human:} queue, or a list of them; null when not expected. */
  private static List<String> expectedOnExpiry(Object value, String file, String what) {
    if (value == null) {
      return null;
    }
    if ("deny".equals(value)) {
      return List.of();
    }
    List<String> queues = List.copyOf(texts(value));
    if (queues.isEmpty() || queues.stream().anyMatch(q -> !q.startsWith("human:"))) {
      throw invalid(
          file, what + " 'expect.onExpiry' must be deny or human:<queue> (or a list of them)");
    }
    return queues;
  }

  private static Object load(String file, String text) {
    try {
      Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
      if (root == null) {
        throw invalid(file, "is empty");
      }
      return root;
    } catch (YAMLException e) {
      throw invalid(file, "is not valid YAML: " + e.getMessage());
    }
  }

  private static Path resolve(Path casesFile, String facts) {
    Path factsPath = Path.of(facts);
    Path directory = casesFile.toAbsolutePath().getParent();
    return factsPath.isAbsolute() || directory == null ? factsPath : directory.resolve(factsPath);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(
      Object value, String file, String what, Set<String> allowed) {
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid(file, what + " must be a mapping");
    }
    for (Object key : map.keySet()) {
      if (allowed != null && !allowed.contains(String.valueOf(key))) {
        throw invalid(file, what + " has no field '" + key + "'; known: " + allowed);
      }
    }
    return (Map<String, Object>) map;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static Set<String> texts(Object value) {
    if (value == null) {
      return Set.of();
    }
    Set<String> texts = new LinkedHashSet<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> texts.add(String.valueOf(item)));
    } else {
      texts.add(value.toString());
    }
    return texts;
  }

  private static long number(Object value, String file, String what) {
    if (value == null) {
      return 0;
    }
    if (!(value instanceof Number number)) {
      throw invalid(file, what + ": budget counts must be whole numbers, not " + value);
    }
    return number.longValue();
  }

  private static Instant instant(Object value, String file, String what) {
    if (value == null) {
      return DEFAULT_NOW;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    try {
      return Instant.parse(value.toString());
    } catch (java.time.format.DateTimeParseException e) {
      throw invalid(file, what + " 'now' must be a time like 2026-01-05T10:00:00Z, not " + value);
    }
  }

  private static InvalidPolicyException invalid(String file, String message) {
    return new InvalidPolicyException(List.of(new PolicyProblem(file, 0, null, message)));
  }
}
