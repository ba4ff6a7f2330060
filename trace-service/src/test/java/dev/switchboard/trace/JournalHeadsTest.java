package dev.switchboard.trace;

import static dev.switchboard.trace.DemoGoal.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.EventContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Lists read a journal's head from the stored JSON without its entries. */
class JournalHeadsTest {
  private final EventCodec codec = new EventCodec();
  private final JournalHeads heads = new JournalHeads(codec);
  private final DemoGoal goal = DemoGoal.random();

  @Test
  void shouldReadTheHeadAsTheEdgeStoresIt() {
    Journal journal = waitingJournal();

    Journal head = heads.headOf(stored(journal));

    assertThat(GoalListItem.of(head)).isEqualTo(GoalListItem.of(journal));
    assertThat(head.entries()).as("not read").isEmpty();
    assertThat(head.status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
    assertThat(head.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(head.holder().name()).isEqualTo("human:approvers");
  }

  @Test
  void shouldWriteTheHeadBeforeTheEntries() {
    String json = new String(stored(waitingJournal()), StandardCharsets.UTF_8);

    assertThat(json.indexOf("\"holder\"")).isLessThan(json.indexOf("\"entries\""));
    assertThat(json.indexOf("\"version\"")).isLessThan(json.indexOf("\"entries\""));
    assertThat(json.indexOf("\"state\"")).isLessThan(json.indexOf("\"applied\""));
  }

  @Test
  void shouldReadNothingFromAGoalWithoutAJournal() {
    assertThat(heads.headOf(null)).isNull();
    assertThat(heads.headOf("{\"state\":null,\"applied\":[]}".getBytes(StandardCharsets.UTF_8)))
        .isNull();
    assertThat(heads.headOf("{\"applied\":[]}".getBytes(StandardCharsets.UTF_8))).isNull();
  }

  @Test
  void shouldReadAJournalStoredBeforeTheHeadHadItsNewFields() {
    String old =
        """
        {"applied":["%s"],"state":{"goalId":"g-old","status":"COMPLETED","agent":"demo",
        "description":"Tell ACME","submittedAt":"2026-03-01T10:00:00Z",
        "updatedAt":"2026-03-01T10:00:09Z","entries":[],"droppedEntries":0,
        "statusSince":"2026-03-01T10:00:09Z","names":{"toolsByAction":{},"queuesByEscalation":{}}}}
        """
            .formatted(UUID.randomUUID());

    Journal head = heads.headOf(old.getBytes(StandardCharsets.UTF_8));

    assertThat(head.goalId()).isEqualTo("g-old");
    assertThat(head.status()).isEqualTo(GoalStatus.COMPLETED);
    assertThat(head.updatedAt()).isEqualTo(at(9));
    assertThat(head.version()).isZero();
  }

  private Journal waitingJournal() {
    JournalKeeper keeper = new JournalKeeper(1000);
    Journal journal = null;
    for (SwitchboardEvent event :
        List.of(goal.submitted(0), goal.sendProposed(1), goal.approvalRequested(2))) {
      journal =
          keeper
              .decide(
                  journal,
                  event,
                  new EventContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
              .state();
    }
    return journal;
  }

  /** The shape of the edge's stored goal: the state first, then the applied event ids. */
  private byte[] stored(Journal journal) {
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("state", journal);
    stored.put("applied", List.of(UUID.randomUUID(), UUID.randomUUID()));
    return codec.mapper().writeValueAsBytes(stored);
  }
}
