package dev.switchboard.trace;

import static dev.switchboard.trace.DemoGoal.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.event.ActionResultEvent.ActionFailed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.EventContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The journal is kept as JSON in a state store whose changelog holds one record per goal. */
class JournalStateTest {
  private final EventCodec codec = new EventCodec();
  private final DemoGoal goal = DemoGoal.random();

  @Test
  void shouldSurviveTheJsonRoundTripOfTheStateStore() {
    JournalKeeper keeper = new JournalKeeper(1000);
    Journal journal = null;
    for (SwitchboardEvent event :
        new SwitchboardEvent[] {
          goal.submitted(0), goal.sendProposed(1), goal.approvalRequested(2), goal.sendEscalated(2)
        }) {
      journal =
          keeper
              .decide(
                  journal,
                  event,
                  new EventContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
              .state();
      Journal decoded =
          codec.mapper().readValue(codec.mapper().writeValueAsBytes(journal), Journal.class);
      assertThat(decoded).isEqualTo(journal);
      journal = decoded;
    }

    assertThat(journal.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(journal.version()).isEqualTo(4);
    assertThat(journal.holder().name()).isEqualTo("human:approvers");
    assertThat(journal.status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
    assertThat(journal.names().toolOf(goal.sendId())).isEqualTo("demo.send");
    assertThat(journal.names().queueOf(goal.approvalId())).isEqualTo("human:approvers");
    assertThat(journal.entries()).hasSize(4);
  }

  @Test
  void shouldStayInsideOneKafkaRecordAtTheCapWhateverTheNamesHold() {
    JournalKeeper keeper = new JournalKeeper(1000);
    // Three UTF-8 bytes per character, every name at its longest: the worst a producer can send.
    String wide = "\u20ac".repeat(KnownNames.MAX_NAME_LENGTH);
    String idBase = "\u20ac".repeat(KnownNames.MAX_NAME_LENGTH - 10);
    Journal journal = keeper.decide(null, goal.submitted(0)).state();
    for (int n = 0; n < 1200; n++) {
      List<PlannedAction> actions = new ArrayList<>();
      for (int a = 0; a < 30; a++) {
        actions.add(
            new PlannedAction(idBase + n + "/" + a, wide, null, List.of(), true, "why " + wide));
      }
      SwitchboardEvent event =
          n % 2 == 0
              ? new StepsProposed(
                  goal.goalId, UUID.randomUUID(), UUID.randomUUID(), at(n), wide, actions)
              : new ActionFailed(
                  goal.goalId,
                  UUID.randomUUID(),
                  UUID.randomUUID(),
                  at(n),
                  idBase + n,
                  wide,
                  "e".repeat(1000));
      journal = keeper.decide(journal, event).state();
      journal = journal.withNames(journal.names().withQueue(idBase + n, wide));
    }

    assertThat(journal.entries().size()).isLessThan(1000);
    assertThat(journal.droppedEntries()).isEqualTo(1201 - journal.entries().size());
    assertThat(journal.entries().getFirst().type()).isEqualTo("GoalSubmitted");
    assertThat(journal.names().toolsByAction()).hasSize(KnownNames.MAX_NAMES);
    assertThat(journal.names().queuesByEscalation()).hasSize(KnownNames.MAX_NAMES);
    // The edge stores the journal with the ids of the last 512 events applied (~20 KB).
    assertThat(codec.mapper().writeValueAsBytes(journal).length).isLessThan(950_000);
  }

  @Test
  void shouldKeepAThousandOrdinaryEntries() {
    JournalKeeper keeper = new JournalKeeper(1000);
    Journal journal = null;
    for (int n = 0; n < 1000; n++) {
      journal =
          keeper
              .decide(journal, n % 2 == 0 ? goal.lookupProposed(n) : goal.lookupAllowed(n))
              .state();
    }

    assertThat(journal.entries()).hasSize(1000);
    assertThat(journal.droppedEntries()).isZero();
  }
}
