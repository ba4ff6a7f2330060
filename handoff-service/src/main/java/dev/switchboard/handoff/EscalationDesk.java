package dev.switchboard.handoff;

import dev.switchboard.contracts.EscalationIds;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.edge.EventContext;
import dev.switchboard.websecurity.Caller;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where people's answers become resolutions, on the instance that owns the item's goal. It decides
 * whether the person may answer before anything is written (403, nothing written), treats the same
 * decision twice as one (the first answer again), refuses a conflicting one (409 naming who decided
 * first), refuses to hand a goal to an agent the agents catalog does not list ({@link
 * AgentTargets}), and lets an overdue item expire instead of taking an answer.
 *
 * <p>The inbox state catches up once an answer is back from Kafka; until then the desk remembers
 * what it wrote, so a double click, or a second person, sees the answer at once.
 */
public final class EscalationDesk {
  private static final Logger log = LoggerFactory.getLogger(EscalationDesk.class);

  /** Answers remembered until the inbox state has them; far more than can be in flight. */
  private static final int REMEMBERED_ANSWERS = 10_000;

  private static final int LOCK_STRIPES = 64;

  /** A resolution written now, or the same decision found written before. */
  public record Accepted(ResolutionEvent resolution, boolean written) {}

  private final InboxSource inbox;
  private final ResolutionWriter writer;
  private final InboxAuthority authority;
  private final SlaClock sla;
  private final AgentTargets agents;
  private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];
  private final Map<String, ResolutionEvent> writtenHere =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ResolutionEvent> eldest) {
              return size() > REMEMBERED_ANSWERS;
            }
          });

  public EscalationDesk(
      InboxSource inbox,
      ResolutionWriter writer,
      InboxAuthority authority,
      SlaClock sla,
      AgentTargets agents) {
    this.inbox = inbox;
    this.writer = writer;
    this.authority = authority;
    this.sla = sla;
    this.agents = agents;
    for (int i = 0; i < LOCK_STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** This instance's items that pass the filter, with answers written here but not yet back. */
  public List<InboxItem> items(ItemFilter filter) {
    List<HandoffState> states =
        filter.goalId() == null ? inbox.all() : inbox.ofGoal(filter.goalId()).stream().toList();
    return states.stream()
        .flatMap(state -> state.items().values().stream())
        .map(this::withAnswerWrittenHere)
        .filter(filter::matches)
        .toList();
  }

  /** The item, found through the goal its id names: no scan of every goal. */
  public InboxItem find(String escalationId) {
    String goalId =
        EscalationIds.goalIdOf(escalationId)
            .orElseThrow(() -> InboxProblem.NotFound.escalation(escalationId));
    return inbox
        .ofGoal(goalId)
        .flatMap(state -> state.item(escalationId))
        .map(this::withAnswerWrittenHere)
        .orElseThrow(() -> InboxProblem.NotFound.escalation(escalationId));
  }

  public Accepted act(Caller caller, String escalationId, Answer answer, RequestOrigin origin) {
    ReentrantLock lock = locks[Math.floorMod(escalationId.hashCode(), LOCK_STRIPES)];
    lock.lock();
    try {
      return actLocked(caller, find(escalationId), answer, origin);
    } finally {
      lock.unlock();
    }
  }

  private Accepted actLocked(Caller caller, InboxItem item, Answer answer, RequestOrigin origin) {
    if (!answer.fits().contains(item.kind())) {
      throw new InboxProblem.DoesNotFit(
          "escalation '"
              + item.escalationId()
              + "' is a "
              + item.kind()
              + "; you cannot "
              + answer.verb()
              + " it");
    }
    Optional<String> refusal = authority.refusal(caller, item, answer);
    ResolutionEvent last = item.lastAnswer();
    // The same decision again is the first answer again, also for its author retrying after the
    // item left their queues (a reassignment).
    if (last != null
        && answer.sameAs(last)
        && (refusal.isEmpty() || last.actor().equalsIgnoreCase(caller.name()))) {
      return new Accepted(last, false);
    }
    if (refusal.isPresent()) {
      log.info(
          "escalation {}: refused to let '{}' {}: {}",
          item.escalationId(),
          caller.name(),
          answer.verb(),
          refusal.get());
      throw new InboxProblem.Refused(refusal.get());
    }
    answer.check(item);
    if (answer instanceof Answer.Reassign reassign) {
      agents.check(reassign.to());
    }
    if (!item.isPending()) {
      throw new InboxProblem.AlreadyDecided(item.escalationId(), last);
    }
    Instant now = sla.now();
    Optional<ResolutionEvent> expiry = sla.onDeadline(item, now);
    if (expiry.isPresent()) {
      write(item, expiry.get());
      throw new InboxProblem.DeadlinePassed(
          "escalation '"
              + item.escalationId()
              + "' passed its deadline at "
              + item.deadline()
              + (expiry.get() instanceof Reassigned moved
                  ? " and moved to " + moved.newOwner() + "; it takes no answer from here"
                  : " and expired; it takes no answer any more"));
    }
    ResolutionEvent resolution = answer.resolve(item, caller.name(), origin.auditOf(caller), now);
    write(item, resolution);
    return new Accepted(resolution, true);
  }

  private void write(InboxItem item, ResolutionEvent resolution) {
    writtenHere.put(item.escalationId(), resolution);
    try {
      writer.write(
          resolution,
          item,
          inbox
              .ofGoal(item.goalId())
              .map(state -> state.traceOf(item.escalationId()))
              .orElse(EventContext.none()));
    } catch (RuntimeException e) {
      writtenHere.remove(item.escalationId());
      throw e;
    }
    log.info(
        "escalation {} of goal {}: {} by {}",
        item.escalationId(),
        item.goalId(),
        EventCodec.typeName(resolution),
        resolution.actor());
  }

  /** An answer written here counts until the item shows it (or a later refusal of it). */
  private InboxItem withAnswerWrittenHere(InboxItem item) {
    ResolutionEvent written = writtenHere.get(item.escalationId());
    if (written == null) {
      return item;
    }
    if (item.hasSeen(written.eventId()) || !item.isPending()) {
      // Seen, or beaten by an answer written elsewhere first (the inbox keeps the first).
      writtenHere.remove(item.escalationId(), written);
      return item;
    }
    return item.answered(written);
  }
}
