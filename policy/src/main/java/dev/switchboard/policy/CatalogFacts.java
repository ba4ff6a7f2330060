package dev.switchboard.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tool and agent facts written down in YAML: the guardrail's stand-in for the {@code tools} and
 * {@code agents} catalog topics, and the facts of {@code policy test} cases.
 *
 * <pre>
 * tools:
 *   crm.lookup_account: {readOnly: true, destructive: false, idempotent: true, openWorld: false,
 *                        server: sales-tools, trusted: true, inputSchema: {type: object}}
 * agents:
 *   sdr: {version: "sha256:…", tools: [crm.lookup_account], handoffTargets: [agent:writer]}
 * </pre>
 *
 * Absent annotations take MCP's cautious defaults: not read-only, destructive, not idempotent,
 * open-world.
 */
public final class CatalogFacts implements ToolCatalog {
  public static final CatalogFacts EMPTY = new CatalogFacts(Map.of(), Map.of());

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> TOP = Set.of("tools", "agents");
  private static final Set<String> TOOL_FIELDS =
      Set.of(
          "readOnly",
          "destructive",
          "idempotent",
          "openWorld",
          "risk",
          "server",
          "trusted",
          "inputSchema",
          "description");
  private static final Set<String> AGENT_FIELDS =
      Set.of("version", "tools", "handoffTargets", "description");

  private final Map<String, ToolFacts> tools;
  private final Map<String, AgentFacts> agents;

  public CatalogFacts(Map<String, ToolFacts> tools, Map<String, AgentFacts> agents) {
    this.tools = Map.copyOf(tools);
    this.agents = Map.copyOf(agents);
  }

  /**
   * @throws InvalidPolicyException naming the file and the tool or agent that is wrong
   */
  public static CatalogFacts parse(String file, String yaml) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (YAMLException e) {
      throw invalid(file, "is not valid YAML: " + e.getMessage());
    }
    if (root == null) {
      return EMPTY;
    }
    Map<String, Object> top = map(root, file, "the file", TOP);
    return new CatalogFacts(
        parseTools(file, map(top.getOrDefault("tools", Map.of()), file, "'tools'", null)),
        parseAgents(file, map(top.getOrDefault("agents", Map.of()), file, "'agents'", null)));
  }

  /** Only the {@code tools:} and {@code agents:} entries of a larger mapping (a cases file). */
  static CatalogFacts of(String file, Object tools, Object agents) {
    return new CatalogFacts(
        parseTools(file, map(tools == null ? Map.of() : tools, file, "'tools'", null)),
        parseAgents(file, map(agents == null ? Map.of() : agents, file, "'agents'", null)));
  }

  /** These facts with {@code other}'s added; other's win where both name the same tool or agent. */
  public CatalogFacts with(CatalogFacts other) {
    Map<String, ToolFacts> mergedTools = new LinkedHashMap<>(tools);
    mergedTools.putAll(other.tools);
    Map<String, AgentFacts> mergedAgents = new LinkedHashMap<>(agents);
    mergedAgents.putAll(other.agents);
    return new CatalogFacts(mergedTools, mergedAgents);
  }

  @Override
  public Optional<ToolFacts> lookup(String tool) {
    return Optional.ofNullable(tools.get(tool));
  }

  public Optional<AgentFacts> agent(String agent) {
    return Optional.ofNullable(agents.get(agent));
  }

  /** The agent catalog view of these facts (a class cannot implement both lookups by one name). */
  public AgentCatalog agents() {
    return this::agent;
  }

  public Set<String> toolNames() {
    return tools.keySet();
  }

  public Set<String> agentNames() {
    return agents.keySet();
  }

  private static Map<String, ToolFacts> parseTools(String file, Map<String, Object> entries) {
    Map<String, ToolFacts> parsed = new LinkedHashMap<>();
    entries.forEach(
        (name, value) -> {
          String what = "tool '" + name + "'";
          Map<String, Object> fields =
              map(value == null ? Map.of() : value, file, what, TOOL_FIELDS);
          JsonNode schema =
              fields.get("inputSchema") == null
                  ? null
                  : JSON.valueToTree(fields.get("inputSchema"));
          if (schema != null && !schema.isObject()) {
            throw invalid(file, what + " 'inputSchema' must be a JSON Schema object");
          }
          parsed.put(
              name,
              new ToolFacts(
                  name,
                  true,
                  bool(fields, "readOnly", false, file, what),
                  bool(fields, "destructive", true, file, what),
                  bool(fields, "idempotent", false, file, what),
                  bool(fields, "openWorld", true, file, what),
                  risk(fields, file, what),
                  text(fields, "server", file, what),
                  bool(fields, "trusted", false, file, what),
                  schema));
        });
    return parsed;
  }

  private static Map<String, AgentFacts> parseAgents(String file, Map<String, Object> entries) {
    Map<String, AgentFacts> parsed = new LinkedHashMap<>();
    entries.forEach(
        (name, value) -> {
          String what = "agent '" + name + "'";
          Map<String, Object> fields =
              map(value == null ? Map.of() : value, file, what, AGENT_FIELDS);
          parsed.put(
              name,
              new AgentFacts(
                  name,
                  true,
                  text(fields, "version", file, what),
                  texts(fields, "tools", file, what),
                  texts(fields, "handoffTargets", file, what)));
        });
    return parsed;
  }

  private static String risk(Map<String, Object> fields, String file, String what) {
    String risk = text(fields, "risk", file, what);
    if (risk != null && !Set.of(ToolFacts.LOW, ToolFacts.MEDIUM, ToolFacts.HIGH).contains(risk)) {
      throw invalid(file, what + " 'risk' must be low, medium or high, not " + risk);
    }
    return risk;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(
      Object value, String file, String what, Set<String> allowed) {
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid(file, what + " must be a mapping");
    }
    Map<String, Object> entries = new LinkedHashMap<>();
    map.forEach((key, item) -> entries.put(String.valueOf(key), item));
    if (allowed != null) {
      for (String key : entries.keySet()) {
        if (!allowed.contains(key)) {
          throw invalid(file, what + " has no field '" + key + "'; known: " + allowed);
        }
      }
    }
    return (Map<String, Object>) (Map<?, ?>) entries;
  }

  private static boolean bool(
      Map<String, Object> fields, String key, boolean fallback, String file, String what) {
    Object value = fields.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean bool)) {
      throw invalid(file, what + " '" + key + "' must be true or false, not " + value);
    }
    return bool;
  }

  private static String text(Map<String, Object> fields, String key, String file, String what) {
    Object value = fields.get(key);
    if (value != null && !(value instanceof String) && !(value instanceof Number)) {
      throw invalid(file, what + " '" + key + "' must be text");
    }
    return value == null ? null : value.toString();
  }

  private static List<String> texts(
      Map<String, Object> fields, String key, String file, String what) {
    Object value = fields.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw invalid(file, what + " '" + key + "' must be a list");
    }
    List<String> texts = new ArrayList<>();
    for (Object item : list) {
      texts.add(String.valueOf(item));
    }
    return texts;
  }

  private static InvalidPolicyException invalid(String file, String message) {
    return new InvalidPolicyException(List.of(new PolicyProblem(file, 0, null, message)));
  }
}
