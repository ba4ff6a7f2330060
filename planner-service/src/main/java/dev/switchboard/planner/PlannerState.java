package dev.switchboard.planner;

import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.ModelUsage;
import dev.switchboard.contracts.event.Owners;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * What the planner knows about one goal; kept by the kafka-edge in a changelogged store, so it
 * survives restarts. Everything the planners decide from is here: facts, runs, who holds the goal,
 * which spec version each agent runs, what was used of the budgets.
 *
 * @param agent the agent pursuing the goal (as requested, when unknown); while a person holds the
 *     goal, the agent that handed it over
 * @param holder who holds the goal: {@code agent:<name>} or {@code human:<queue>}
 * @param specVersions the content hash of the spec each agent runs for this goal
 * @param callers agents that handed the goal down and wait for it back, innermost last
 * @param facts what the goal's runs produced, by fact name
 * @param factSources which run produced each fact
 * @param runs every step run, by runId
 * @param results what each finished run returned, by runId
 * @param approvals escalationId → actionId of approvals the guardrail asked people for
 * @param awaiting the open handoff or question; null when none
 * @param usage per agent, what it used of its budgets since it took the goal
 * @param proposals how often each action (tool and arguments) was proposed
 * @param history what happened, one line each, for summaries and handoff contexts
 * @param cancellation a cancel request waiting for actions in flight; null when none
 * @param modelTurns the LLM planner's model calls, in order: each request and, once it came, its
 *     reply
 * @param unreportedUsage model usage of answered turns that no event the planner wrote carries yet;
 *     the next event that can carry it does ({@link UsageReports}); null when none
 * @param toolWait the wait for tools the tools catalog does not list yet; null when none
 * @param stint the current agent's time with the goal, for its {@code invoke_agent} span; null
 *     before the first decision is traced
 * @param earlyResults results read before the verdict they follow, by actionId: the executor runs
 *     an action once the guardrail allowed it, but the planner reads the verdict's topic apart from
 *     the results' and can get the result first; each waits here until its verdict comes ({@link
 *     ResultCheck})
 */
public record PlannerState(
    String goalId,
    String description,
    Map<String, String> inputs,
    GoalStatus status,
    String agent,
    String holder,
    Map<String, String> specVersions,
    List<Caller> callers,
    Map<String, JsonNode> facts,
    Map<String, String> factSources,
    Map<String, StepRun> runs,
    Map<String, JsonNode> results,
    Map<String, String> approvals,
    Awaiting awaiting,
    Map<String, Usage> usage,
    Map<String, Integer> proposals,
    List<String> history,
    Instant startedAt,
    Cancellation cancellation,
    List<ModelTurn> modelTurns,
    ModelUsage unreportedUsage,
    ToolWait toolWait,
    AgentStint stint,
    Map<String, ActionResultEvent> earlyResults) {

  static final int MAX_HISTORY = 100;
  static final String INPUTS = "inputs.";
  static final String DESCRIPTION = "description";

  public PlannerState {
    inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    specVersions = specVersions == null ? Map.of() : Map.copyOf(specVersions);
    callers = callers == null ? List.of() : List.copyOf(callers);
    facts = facts == null ? Map.of() : Map.copyOf(facts);
    factSources = factSources == null ? Map.of() : Map.copyOf(factSources);
    runs = runs == null ? Map.of() : Map.copyOf(runs);
    results = results == null ? Map.of() : Map.copyOf(results);
    approvals = approvals == null ? Map.of() : Map.copyOf(approvals);
    usage = usage == null ? Map.of() : Map.copyOf(usage);
    proposals = proposals == null ? Map.of() : Map.copyOf(proposals);
    history = history == null ? List.of() : List.copyOf(history);
    modelTurns = modelTurns == null ? List.of() : List.copyOf(modelTurns);
    earlyResults = earlyResults == null ? Map.of() : Map.copyOf(earlyResults);
  }

  static PlannerState started(
      String goalId, String agent, String description, Map<String, String> inputs, Instant now) {
    return new PlannerState(
        goalId,
        description,
        inputs,
        GoalStatus.RUNNING,
        agent,
        Owners.agent(agent),
        Map.of(),
        List.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        null,
        Map.of(agent, Usage.startingAt(now)),
        Map.of(),
        List.of(),
        now,
        null,
        List.of(),
        null,
        null,
        null,
        Map.of());
  }

  /** The same state, the agent's stint recorded. */
  PlannerState withStint(AgentStint newStint) {
    Draft draft = new Draft(this);
    draft.stint = newStint;
    return draft.build();
  }

  /**
   * A fact's value: {@code description}, {@code inputs.<name>} or one a run produced. Empty when
   * the goal does not have it, or has only null or blank text for it.
   */
  public Optional<JsonNode> fact(String name) {
    JsonNode value;
    if (name.equals(DESCRIPTION)) {
      value = description == null ? null : StringNode.valueOf(description);
    } else if (name.startsWith(INPUTS)) {
      String input = inputs.get(name.substring(INPUTS.length()));
      value = input == null ? null : StringNode.valueOf(input);
    } else {
      value = facts.get(name);
    }
    if (value == null || value.isNull() || value.isMissingNode()) {
      return Optional.empty();
    }
    return value.isString() && value.asString().isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** Every fact the goal has, the inputs as {@code inputs.<name>}. */
  public Map<String, JsonNode> allFacts() {
    Map<String, JsonNode> all = new TreeMap<>(facts);
    inputs.forEach((name, value) -> all.put(INPUTS + name, StringNode.valueOf(value)));
    return all;
  }

  /** The runs of one step, first attempt first. */
  public List<StepRun> runsOf(String agentName, String step) {
    return runs.values().stream()
        .filter(run -> run.agent().equals(agentName) && run.step().equals(step))
        .sorted(Comparator.comparingInt(StepRun::attempt))
        .toList();
  }

  public Optional<StepRun> latestRun(String agentName, String step) {
    List<StepRun> all = runsOf(agentName, step);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
  }

  public Optional<StepRun> run(String runId) {
    return Optional.ofNullable(runs.get(runId));
  }

  /** Tool runs in a phase, in runId order. */
  public List<StepRun> toolRuns(StepRun.Phase... phases) {
    List<StepRun.Phase> wanted = List.of(phases);
    return runs.values().stream()
        .filter(run -> run.kind() == StepRun.Kind.TOOL && wanted.contains(run.phase()))
        .sorted(Comparator.comparing(StepRun::runId))
        .toList();
  }

  /** Tool runs proposed or allowed, whose result is still to come without anyone deciding. */
  public List<StepRun> running() {
    return toolRuns(StepRun.Phase.PROPOSED, StepRun.Phase.ALLOWED);
  }

  public Usage usageOf(String agentName) {
    return usage.getOrDefault(agentName, Usage.startingAt(startedAt));
  }

  /** The model turns of one agent, first first. */
  public List<ModelTurn> turnsOf(String agentName) {
    return modelTurns.stream().filter(turn -> turn.agent().equals(agentName)).toList();
  }

  boolean cancelling() {
    return cancellation != null;
  }

  /** The results as one JSON object, runIds in order. */
  ObjectNode resultsAsJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    new TreeMap<>(results).forEach(json::set);
    return json;
  }

  /** A changed copy. */
  PlannerState edit(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /** A mutable copy of the state, for {@link #edit}. */
  static final class Draft {
    final String goalId;
    final String description;
    final Map<String, String> inputs;
    GoalStatus status;
    String agent;
    String holder;
    final Map<String, String> specVersions;
    final List<Caller> callers;
    final Map<String, JsonNode> facts;
    final Map<String, String> factSources;
    final Map<String, StepRun> runs;
    final Map<String, JsonNode> results;
    final Map<String, String> approvals;
    Awaiting awaiting;
    final Map<String, Usage> usage;
    final Map<String, Integer> proposals;
    final List<String> history;
    final Instant startedAt;
    Cancellation cancellation;
    final List<ModelTurn> modelTurns;
    ModelUsage unreportedUsage;
    ToolWait toolWait;
    private AgentStint stint;
    final Map<String, ActionResultEvent> earlyResults;

    private Draft(PlannerState state) {
      goalId = state.goalId;
      description = state.description;
      inputs = state.inputs;
      status = state.status;
      agent = state.agent;
      holder = state.holder;
      specVersions = new HashMap<>(state.specVersions);
      callers = new ArrayList<>(state.callers);
      facts = new HashMap<>(state.facts);
      factSources = new HashMap<>(state.factSources);
      runs = new HashMap<>(state.runs);
      results = new HashMap<>(state.results);
      approvals = new HashMap<>(state.approvals);
      awaiting = state.awaiting;
      usage = new HashMap<>(state.usage);
      proposals = new HashMap<>(state.proposals);
      history = new ArrayList<>(state.history);
      startedAt = state.startedAt;
      cancellation = state.cancellation;
      modelTurns = new ArrayList<>(state.modelTurns);
      unreportedUsage = state.unreportedUsage;
      toolWait = state.toolWait;
      stint = state.stint;
      earlyResults = new HashMap<>(state.earlyResults);
    }

    void note(String line) {
      history.add(line);
      while (history.size() > MAX_HISTORY) {
        history.removeFirst();
      }
    }

    void put(StepRun run) {
      runs.put(run.runId(), run);
    }

    private PlannerState build() {
      return new PlannerState(
          goalId,
          description,
          inputs,
          status,
          agent,
          holder,
          specVersions,
          callers,
          facts,
          factSources,
          runs,
          results,
          approvals,
          awaiting,
          usage,
          proposals,
          history,
          startedAt,
          cancellation,
          modelTurns,
          unreportedUsage,
          toolWait,
          stint,
          earlyResults);
    }
  }
}
