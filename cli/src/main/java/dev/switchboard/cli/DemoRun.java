package dev.switchboard.cli;

import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The demo from the terminal: submit the sales goal to the sdr agent (who hands it to the
 * researcher and the writer and back), show its journal live with each handoff, answer the
 * approvals as they come, and report how the goal ended.
 */
final class DemoRun {
  static final String AGENT = "sdr";
  static final String DESCRIPTION = "Tell ACME about the new pricing";
  static final Map<String, String> INPUTS = Map.of("account", "ACME");

  private final GoalSubmitter submitter;
  private final TraceClient trace;
  private final JournalFollower follower;
  private final InboxClient inbox;
  private final ApprovalPrompt prompt;
  private final JournalLineFormat format;
  private final PrintStream out;
  private final Clock clock;
  private final Optional<String> jaegerUrl;

  /**
   * @param jaegerUrl the Jaeger UI's base URL, to print the goal's trace link; empty for none
   */
  DemoRun(
      GoalSubmitter submitter,
      TraceClient trace,
      JournalFollower follower,
      InboxClient inbox,
      ApprovalPrompt prompt,
      JournalLineFormat format,
      PrintStream out,
      Clock clock,
      Optional<String> jaegerUrl) {
    this.submitter = submitter;
    this.trace = trace;
    this.follower = follower;
    this.inbox = inbox;
    this.prompt = prompt;
    this.format = format;
    this.out = out;
    this.clock = clock;
    this.jaegerUrl = jaegerUrl;
  }

  /** Exit code: 0 completed, 1 failed, cancelled or denied, 2 not finished within the timeout. */
  int run(Duration timeout) {
    Instant started = clock.instant();
    String goalId =
        submitter.submit(
            new GoalSubmitted(
                UUID.randomUUID().toString(), null, null, null, AGENT, DESCRIPTION, INPUTS));
    out.println("Submitted goal " + goalId + " (agent " + AGENT + "): " + DESCRIPTION);
    out.println("Console: " + trace.consoleUri(goalId));
    Set<String> answered = new HashSet<>();
    boolean[] denied = {false};
    Deadline deadline = new Deadline(clock, timeout);
    Optional<GoalJournal> end =
        follower.watch(
            goalId,
            deadline,
            journal -> {
              if (journal.status().ended()) {
                return true;
              }
              if (mayWaitForPerson(journal)) {
                for (Escalation escalation : inbox.pendingFor(goalId)) {
                  if (answered.add(escalation.escalationId())) {
                    denied[0] |= !answer(escalation);
                    // The person's thinking time does not count against the goal.
                    deadline.restart();
                  }
                }
              }
              return false;
            });
    if (end.isEmpty()) {
      out.println(
          "Goal "
              + goalId
              + " did not finish within "
              + timeout.toSeconds()
              + " s; status "
              + follower.lastSeen().map(GoalJournal::status).orElse(GoalStatus.UNKNOWN));
      printLinks(goalId, follower.lastSeen().map(GoalJournal::traceId).orElse(null));
      return ExitCode.TIMED_OUT;
    }
    return finish(end.get(), denied[0], started);
  }

  /** The inbox is asked only once the journal shows the goal waiting or escalated. */
  private static boolean mayWaitForPerson(GoalJournal journal) {
    return journal.status() == GoalStatus.WAITING_FOR_HUMAN
        || journal.lastOn("escalation").isPresent();
  }

  private boolean answer(Escalation escalation) {
    ApprovalPrompt.Decision decision = prompt.decide(escalation);
    if (decision.approved()) {
      inbox.approve(escalation.escalationId(), decision.note());
      out.println("Approved " + escalation.escalationId() + ".");
    } else {
      inbox.deny(escalation.escalationId(), decision.note());
      out.println("Denied " + escalation.escalationId() + ".");
    }
    out.println();
    return decision.approved();
  }

  private int finish(GoalJournal journal, boolean denied, Instant started) {
    out.println();
    out.println(
        format.ending(journal)
            + " (after "
            + Duration.between(started, clock.instant()).toSeconds()
            + " s)");
    printLinks(journal.goalId(), journal.traceId());
    return journal.status() == GoalStatus.COMPLETED && !denied ? ExitCode.OK : ExitCode.FAILED;
  }

  /** The journal and console always; the trace in Jaeger when a Jaeger URL is configured. */
  private void printLinks(String goalId, String traceId) {
    out.println("Journal: " + trace.journalUri(goalId));
    out.println("Console: " + trace.consoleUri(goalId));
    jaegerUrl.ifPresent(
        jaeger ->
            out.println(
                traceId == null
                    ? "Trace: none recorded for this goal (its records carried no traceparent)"
                    : "Trace: " + jaeger + "/trace/" + traceId));
  }
}
