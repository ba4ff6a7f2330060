package dev.switchboard.trace;

import dev.switchboard.contracts.event.Owners;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a goal's journal entries tell when read in order: who held the goal when, each step from
 * plan to result, each wait for a person from escalation to resolution, and the model usage. A pure
 * function of the entries, so events that arrived out of order still tell the same story.
 *
 * @param holders who held the goal, oldest first; the last one holds it now unless the goal ended
 * @param steps each proposed action, in the order first named
 * @param waits each escalation to people, in the order asked
 * @param usage model tokens and cost over all entries; null when none reported any
 * @param endedAt when the outcome came; null while the goal runs
 */
public record GoalTimeline(
    List<Holding> holders, List<Step> steps, List<PersonWait> waits, Usage usage, Instant endedAt) {

  /**
   * One action from its proposal to its result. Types are the events' wire names.
   *
   * @param verdict {@code ActionAllowed}, {@code ActionDenied} or {@code ActionEscalated}
   * @param approvedBy the person whose approval the request carries
   * @param result {@code ActionSucceeded}, {@code ActionFailed} or {@code ActionOutcomeUnknown}
   */
  public record Step(
      String actionId,
      String tool,
      Instant proposedAt,
      String verdict,
      String policy,
      Instant decidedAt,
      String escalationId,
      String approvedBy,
      Instant requestedAt,
      String result,
      Instant resultAt) {

    /** From its proposal (or the first event seen of it) to its result; null until then. */
    public Duration took() {
      Instant start = firstNonNull(proposedAt, decidedAt, requestedAt);
      return start == null || resultAt == null ? null : Duration.between(start, resultAt);
    }
  }

  /**
   * A goal waiting on people, from the escalation to its resolution.
   *
   * @param resolution the resolution's wire name ({@code Approved}, {@code Denied}, …); null while
   *     open
   * @param resolvedBy who resolved it
   */
  public record PersonWait(
      String escalationId,
      Kind kind,
      String queue,
      String tool,
      String policy,
      Instant requestedAt,
      String resolution,
      String resolvedBy,
      Instant resolvedAt) {

    public enum Kind {
      APPROVAL,
      QUESTION,
      HANDOFF
    }

    public boolean open() {
      return resolution == null;
    }

    /** How long people took, or have taken so far. */
    public Duration waited(Instant now) {
      if (requestedAt == null) {
        return null;
      }
      Instant end = resolvedAt != null ? resolvedAt : now;
      return end.isBefore(requestedAt) ? Duration.ZERO : Duration.between(requestedAt, end);
    }
  }

  public static GoalTimeline of(List<JournalEntry> entries) {
    Reading reading = new Reading();
    entries.forEach(reading::read);
    return reading.timeline();
  }

  /** The holder now: the last one, unless the goal ended. */
  public Holding holder() {
    if (holders.isEmpty() || endedAt != null) {
      return null;
    }
    return holders.getLast();
  }

  /** Time spent waiting on people, the open waits up to {@code now}. */
  public Duration waitedForPeople(Instant now) {
    return waits.stream()
        .map(wait -> wait.waited(now))
        .filter(java.util.Objects::nonNull)
        .reduce(Duration.ZERO, Duration::plus);
  }

  public List<PersonWait> approvals() {
    return waits.stream().filter(wait -> wait.kind() == PersonWait.Kind.APPROVAL).toList();
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** Reads entries in order and keeps what they established so far. */
  private static final class Reading {
    private final List<Holding> holders = new ArrayList<>();
    private final Map<String, StepDraft> steps = new LinkedHashMap<>();
    private final Map<String, WaitDraft> waits = new LinkedHashMap<>();
    private String agent;
    // A person who took the goal over, or a queue it was reassigned to: holds it until reassigned.
    private Holding.Kind ownerKind;
    private String ownerName;
    private Usage usage;
    private Instant endedAt;
    private boolean ended;

    void read(JournalEntry entry) {
      usage = Usage.sum(usage, entry.usage());
      Instant at = entry.occurredAt();
      switch (entry.type()) {
        case "GoalSubmitted", "HandoffProposed", "QuestionProposed" -> agentIs(entry.agent());
        case "StepsProposed" -> {
          agentIs(entry.agent());
          for (ActionRef action : entry.actions()) {
            StepDraft step = step(action);
            step.proposedAt = earliest(step.proposedAt, at);
          }
        }
        case "ActionAllowed", "ActionDenied", "ActionEscalated" -> {
          StepDraft step = step(entry);
          step.verdict = entry.type();
          step.policy = entry.policy();
          step.decidedAt = at;
          if (entry.escalationId() != null) {
            step.escalationId = entry.escalationId();
            WaitDraft wait = wait(entry.escalationId(), PersonWait.Kind.APPROVAL);
            wait.requested(at, entry.queue(), step.tool, entry.policy());
          }
        }
        case "ActionRequested" -> {
          StepDraft step = step(entry);
          step.requestedAt = earliest(step.requestedAt, at);
          step.approvedBy = entry.actor() != null ? entry.actor() : step.approvedBy;
        }
        case "ActionSucceeded", "ActionFailed", "ActionOutcomeUnknown" -> {
          StepDraft step = step(entry);
          step.result = entry.type();
          step.resultAt = at;
        }
        case "ApprovalRequested" -> {
          agentIs(entry.agent());
          StepDraft step = step(entry);
          step.escalationId = entry.escalationId();
          wait(entry.escalationId(), PersonWait.Kind.APPROVAL)
              .requested(at, entry.queue(), entry.tool(), entry.policy());
        }
        case "QuestionAsked" ->
            wait(entry.escalationId(), PersonWait.Kind.QUESTION)
                .requested(at, entry.queue(), null, null);
        case "HandoffRequested" ->
            wait(entry.escalationId(), PersonWait.Kind.HANDOFF)
                .requested(at, entry.queue(), null, null);
        case "Approved", "Denied", "Edited", "Answered", "Expired" -> resolved(entry);
        case "TakenOver" -> {
          resolved(entry);
          ownerKind = Holding.Kind.PERSON;
          ownerName = entry.actor();
        }
        case "Reassigned" -> {
          resolved(entry);
          reassignedTo(entry.target());
        }
        case "GoalCompleted", "GoalFailed", "GoalCancelled" -> {
          if (entry.topic().equals("outcome")) {
            endedAt = endedAt == null ? at : endedAt;
          }
        }
        default -> {
          // Cancellation requests and GoalFinishing change nobody's hold.
        }
      }
      holderAt(at);
    }

    private void agentIs(String name) {
      if (name != null) {
        agent = name;
      }
    }

    private void reassignedTo(String target) {
      if (target == null) {
        return;
      }
      if (Owners.isAgent(target)) {
        agent = Owners.agentOf(target).orElseThrow();
        ownerKind = null;
        ownerName = null;
      } else {
        ownerKind = Holding.Kind.QUEUE;
        ownerName = target;
      }
    }

    private void resolved(JournalEntry entry) {
      if (entry.escalationId() == null) {
        return;
      }
      WaitDraft wait = waits.computeIfAbsent(entry.escalationId(), WaitDraft::new);
      if (wait.resolution == null) {
        wait.resolution = entry.type();
        wait.resolvedBy = entry.actor();
        wait.resolvedAt = entry.occurredAt();
      }
    }

    /**
     * A person or queue that owns the goal comes first, then open waits, then the agent. The
     * outcome closes the last holding; nobody holds an ended goal.
     */
    private void holderAt(Instant at) {
      if (ended) {
        return;
      }
      if (endedAt != null) {
        ended = true;
        if (!holders.isEmpty()) {
          holders.set(holders.size() - 1, holders.getLast().endedAt(endedAt));
        }
        return;
      }
      Holding.Kind kind;
      String name;
      WaitDraft open = waits.values().stream().filter(WaitDraft::open).findFirst().orElse(null);
      if (ownerKind != null) {
        kind = ownerKind;
        name = ownerName;
      } else if (open != null) {
        kind = Holding.Kind.QUEUE;
        name = open.queue;
      } else if (agent != null) {
        kind = Holding.Kind.AGENT;
        name = agent;
      } else {
        return;
      }
      if (!holders.isEmpty()) {
        Holding last = holders.getLast();
        if (last.sameHolder(kind, name)) {
          return;
        }
        if (last.kind() == Holding.Kind.QUEUE
            && last.name() == null
            && kind == Holding.Kind.QUEUE) {
          // The verdict opened the wait before the escalation named its queue.
          holders.set(holders.size() - 1, new Holding(kind, name, last.since(), null));
          return;
        }
        holders.set(holders.size() - 1, last.endedAt(at));
      }
      holders.add(new Holding(kind, name, at, null));
    }

    private StepDraft step(JournalEntry entry) {
      return entry.actions().isEmpty() ? new StepDraft(null) : step(entry.actions().getFirst());
    }

    private StepDraft step(ActionRef action) {
      StepDraft step = steps.computeIfAbsent(action.actionId(), StepDraft::new);
      step.tool = step.tool != null ? step.tool : action.tool();
      return step;
    }

    private WaitDraft wait(String escalationId, PersonWait.Kind kind) {
      WaitDraft wait = waits.computeIfAbsent(escalationId, WaitDraft::new);
      wait.kind = wait.kind != null ? wait.kind : kind;
      return wait;
    }

    GoalTimeline timeline() {
      return new GoalTimeline(
          List.copyOf(holders),
          steps.values().stream().filter(s -> s.actionId != null).map(StepDraft::step).toList(),
          waits.values().stream().map(WaitDraft::personWait).toList(),
          usage,
          endedAt);
    }

    private static Instant earliest(Instant current, Instant at) {
      return current == null || at.isBefore(current) ? at : current;
    }
  }

  private static final class StepDraft {
    final String actionId;
    String tool;
    Instant proposedAt;
    String verdict;
    String policy;
    Instant decidedAt;
    String escalationId;
    String approvedBy;
    Instant requestedAt;
    String result;
    Instant resultAt;

    StepDraft(String actionId) {
      this.actionId = actionId;
    }

    Step step() {
      return new Step(
          actionId,
          tool,
          proposedAt,
          verdict,
          policy,
          decidedAt,
          escalationId,
          approvedBy,
          requestedAt,
          result,
          resultAt);
    }
  }

  private static final class WaitDraft {
    final String escalationId;
    PersonWait.Kind kind;
    String queue;
    String tool;
    String policy;
    Instant requestedAt;
    String resolution;
    String resolvedBy;
    Instant resolvedAt;

    WaitDraft(String escalationId) {
      this.escalationId = escalationId;
    }

    boolean open() {
      return resolution == null && requestedAt != null;
    }

    /** The verdict and the escalation both open the wait; the first names the time. */
    void requested(Instant at, String newQueue, String newTool, String newPolicy) {
      requestedAt = requestedAt == null || at.isBefore(requestedAt) ? at : requestedAt;
      queue = queue != null ? queue : newQueue;
      tool = tool != null ? tool : newTool;
      policy = policy != null ? policy : newPolicy;
    }

    PersonWait personWait() {
      return new PersonWait(
          escalationId, kind, queue, tool, policy, requestedAt, resolution, resolvedBy, resolvedAt);
    }
  }
}
