package dev.switchboard.trace;

import static dev.switchboard.trace.DemoGoal.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.event.ActionResultEvent.ActionFailed;
import dev.switchboard.contracts.event.SwitchboardEvent;
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
      journal = keeper.decide(journal, event).state();
      journal = codec.mapper().readValue(codec.mapper().writeValueAsBytes(journal), Journal.class);
    }

    assertThat(journal.status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
    assertThat(journal.names().toolOf(goal.sendId())).isEqualTo("demo.send");
    assertThat(journal.names().queueOf(goal.approvalId())).isEqualTo("human:approvers");
    assertThat(journal.entries()).hasSize(4);
  }

  @Test
  void shouldStayWellInsideOneKafkaRecordAtTheCap() {
    JournalKeeper keeper = new JournalKeeper(1000);
    Journal journal = keeper.decide(null, goal.submitted(0)).state();
    for (int n = 0; n < 1200; n++) {
      String actionId = goal.goalId + "/" + "a".repeat(150) + n;
      journal =
          keeper
              .decide(
                  journal,
                  new ActionFailed(
                      goal.goalId,
                      UUID.randomUUID(),
                      UUID.randomUUID(),
                      at(n),
                      actionId,
                      "t".repeat(KnownNames.MAX_NAME_LENGTH),
                      "e".repeat(1000)))
              .state();
      journal = journal.withNames(journal.names().withTool(actionId, "t".repeat(200)));
      journal = journal.withNames(journal.names().withQueue(actionId, "q".repeat(200)));
    }

    assertThat(journal.entries()).hasSize(1000);
    assertThat(journal.droppedEntries()).isEqualTo(201);
    assertThat(journal.names().toolsByAction()).hasSize(KnownNames.MAX_NAMES);
    assertThat(codec.mapper().writeValueAsBytes(journal).length).isLessThan(900_000);
  }
}
