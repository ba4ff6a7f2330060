package dev.switchboard.trace;

import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.Owners;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.QuestionProposed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.EventContext;
import dev.switchboard.edge.GoalProcessor;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds every event of a goal, from all eight topics, into its {@link Journal}. Writes nothing: the
 * trace only watches. Events of a goal whose submission it has not seen still open a journal, so
 * nothing is lost when topics are read in a different order than they were written; only an outcome
 * of a goal it has no journal of is refused (dead-lettered): nothing could have led to it.
 *
 * <p>The outcome ends the goal for the edge's retention: the journal stays readable from the store
 * (RocksDB, on disk) for {@code switchboard.retention.ended-goals} (a week here), then it leaves.
 */
public final class JournalKeeper implements GoalProcessor<Journal> {
  private static final Logger log = LoggerFactory.getLogger(JournalKeeper.class);

  private final int maxEntriesPerGoal;

  public JournalKeeper(int maxEntriesPerGoal) {
    if (maxEntriesPerGoal < 2) {
      throw new IllegalArgumentException(
          "max entries per goal must be at least 2 (the first entry is always kept)");
    }
    this.maxEntriesPerGoal = maxEntriesPerGoal;
  }

  @Override
  public Service service() {
    return Service.TRACE;
  }

  @Override
  public List<Topic<?>> inputs() {
    return Topics.ALL;
  }

  @Override
  public Class<Journal> stateType() {
    return Journal.class;
  }

  @Override
  public Decision<Journal> decide(Journal journal, SwitchboardEvent event) {
    return decide(journal, event, EventContext.none());
  }

  /** Also takes the goal's trace id from the record's {@code traceparent}, when it has one. */
  @Override
  public Decision<Journal> decide(Journal journal, SwitchboardEvent event, EventContext context) {
    // Any event opens the journal, an outcome too: the planner ends a goal only after its other
    // events, but the trace reads each topic apart (Kafka orders a partition, not topics), so after
    // a restart or under lag the outcome can come first. The rest folds in after it; the status
    // stays the outcome's (Journal#movedTo).
    Journal current = journal != null ? journal : Journal.open(event.goalId());
    if (current.contains(event.eventId())) {
      return Decision.of(current);
    }
    Journal learned =
        learnFrom(current, event)
            .withTraceIdIfUnknown(TraceParent.traceIdOf(context.traceparent()));
    JournalEntry entry = JournalEntries.of(event, learned.names(), learned.version() + 1);
    Journal updated = learned.append(entry, maxEntriesPerGoal);
    if (current.droppedEntries() == 0 && updated.droppedEntries() > 0) {
      log.info(
          "goal {} has more journal entries than fit (at most {}); the oldest after the first are"
              + " dropped",
          event.goalId(),
          maxEntriesPerGoal);
    }
    Journal moved =
        StatusTransitions.after(event)
            .map(next -> updated.movedTo(next, event.occurredAt()))
            .orElse(updated);
    Decision<Journal> decision = Decision.of(moved.withTimeline(GoalTimeline.of(moved.entries())));
    return event instanceof OutcomeEvent ? decision.goalEnded() : decision;
  }

  /** What this event tells about the goal beyond its own line: who works on it, names of things. */
  private static Journal learnFrom(Journal journal, SwitchboardEvent event) {
    return switch (event) {
      case GoalSubmitted submitted ->
          journal.submitted(submitted.agent(), submitted.description(), submitted.occurredAt());
      case StepsProposed steps -> {
        KnownNames names = journal.names();
        for (PlannedAction action : steps.actions()) {
          names = names.withTool(action.actionId(), action.tool());
        }
        yield journal.withNames(names).withAgentIfUnknown(steps.agent());
      }
      case HandoffProposed handoff -> journal.withAgentIfUnknown(handoff.agent());
      case QuestionProposed question -> journal.withAgentIfUnknown(question.agent());
      case ActionRequested requested ->
          journal.withNames(
              journal.names().withTool(requested.action().actionId(), requested.action().tool()));
      case ApprovalRequested approval ->
          journal
              .withNames(
                  journal
                      .names()
                      .withTool(approval.action().actionId(), approval.action().tool())
                      .withQueue(approval.escalationId(), approval.queue()))
              .withAgentIfUnknown(approval.agent());
      case HandoffRequested handoff ->
          journal.withNames(journal.names().withQueue(handoff.escalationId(), handoff.queue()));
      case QuestionAsked question ->
          journal
              .withNames(journal.names().withQueue(question.escalationId(), question.queue()))
              .withAgentIfUnknown(question.agent());
      case Reassigned reassigned ->
          Owners.agentOf(reassigned.newOwner()).map(journal::assignedTo).orElse(journal);
      default -> journal;
    };
  }
}
