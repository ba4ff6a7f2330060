package dev.switchboard.handoff;

import static dev.switchboard.handoff.Escalations.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.edge.testing.MutableClock;
import dev.switchboard.websecurity.Caller;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The inbox's small value types: queues and roles, deadlines, diffs, origins, links. */
class SmallPartsTest {

  @Test
  void shouldMapQueuesToRolesByNameOrConfiguration() {
    QueueAccess access =
        new QueueAccess(Map.of("human:finance", List.of("controllers", "cfo")), "admin");
    Caller controller = new Caller("c", Set.of("controllers"), "password");
    Caller admin = new Caller("a", Set.of("admin"), "password");

    assertThat(access.rolesFor("human:approvers")).containsExactly("approvers");
    assertThat(access.rolesFor("human:finance")).containsExactly("cfo", "controllers");
    assertThat(access.rolesFor("agent:closer")).isEmpty();
    assertThat(access.covers(controller, "human:finance")).isTrue();
    assertThat(access.covers(controller, "human:approvers")).isFalse();
    assertThat(access.covers(admin, "agent:closer")).isTrue();
    assertThat(access.whyNot(controller, "agent:closer"))
        .isEqualTo("'c' may not work queue agent:closer (only the admin role works it)");
  }

  @Test
  void shouldTellTimeLeftAndWhenAnItemIsDueSoonOrOverdue() {
    MutableClock clock = new MutableClock(T0);
    SlaClock sla = new SlaClock(clock);
    InboxItem item =
        InboxItem.pendingFrom(
            Escalations.approvalRequested("g-1", T0, null, false, Duration.ofHours(1)),
            Duration.ofHours(4));

    assertThat(sla.remaining(item)).isEqualTo(Duration.ofHours(1));
    assertThat(sla.isDueSoon(item)).isFalse();
    clock.advance(Duration.ofMinutes(50));
    assertThat(sla.isDueSoon(item)).isTrue();
    assertThat(sla.onDeadline(item, clock.instant())).isEmpty();
    clock.advance(Duration.ofMinutes(10));
    assertThat(sla.isOverdue(item)).isTrue();
    assertThat(sla.onDeadline(item, clock.instant())).isPresent();
  }

  @Test
  void shouldSayDurationsInWords() {
    assertThat(Durations.words(Duration.ofSeconds(42))).isEqualTo("42 s");
    assertThat(Durations.words(Duration.ofMinutes(5))).isEqualTo("5 min");
    assertThat(Durations.words(Duration.ofMinutes(192))).isEqualTo("3 h 12 min");
    assertThat(Durations.words(Duration.ofHours(-26))).isEqualTo("1 d 2 h");
  }

  @Test
  void shouldDiffArgumentsFieldByField() {
    var json = Escalations.CODEC.mapper();
    List<ArgumentsDiff.Change> changes =
        ArgumentsDiff.between(
            json.readTree("{\"to\":\"a@x\",\"subject\":\"Hi\",\"meta\":{\"n\":1},\"cc\":[1]}"),
            json.readTree("{\"to\":\"b@x\",\"subject\":\"Hi\",\"meta\":{\"n\":2},\"bcc\":\"c\"}"));

    assertThat(changes)
        .containsExactly(
            new ArgumentsDiff.Change("to", "a@x", "b@x"),
            new ArgumentsDiff.Change("meta.n", "1", "2"),
            new ArgumentsDiff.Change("cc", "[1]", null),
            new ArgumentsDiff.Change("bcc", null, "c"));
    assertThat(changes)
        .extracting(ArgumentsDiff.Change::kind)
        .containsExactly("changed", "changed", "removed", "added");
  }

  @Test
  void shouldTakeTheTraceIdFromAValidTraceparentOnly() {
    assertThat(RequestOrigin.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(RequestOrigin.traceIdOf("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
        .isNull();
    assertThat(RequestOrigin.traceIdOf("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        .isNull();
    assertThat(RequestOrigin.traceIdOf("garbage")).isNull();
    assertThat(RequestOrigin.traceIdOf(null)).isNull();
  }

  @Test
  void shouldKeepUserAgentsShortAndOnOneLine() {
    assertThat(RequestOrigin.shortened("curl/8\n\tx")).isEqualTo("curl/8  x");
    assertThat(RequestOrigin.shortened("a".repeat(500))).hasSize(RequestOrigin.MAX_USER_AGENT);
    assertThat(RequestOrigin.shortened(" ")).isNull();
  }

  @Test
  void shouldLinkToTheJournalAndTheTraceWhenConfigured() {
    InboxLinks links =
        new InboxLinks(
            "http://localhost:8085",
            "http://jaeger:16686/search?tags=%7B%22goal%22%3A%22{goalId}%22%7D");

    assertThat(links.journalOf("g-1")).isEqualTo("http://localhost:8085/goals/g-1");
    assertThat(links.traceOf("g:1", null))
        .isEqualTo("http://jaeger:16686/search?tags=%7B%22goal%22%3A%22g%3A1%22%7D");
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    assertThat(new InboxLinks(null, "http://localhost:16686/").traceOf("g-1", trace))
        .isEqualTo("http://localhost:16686/trace/" + trace);
    assertThat(new InboxLinks(null, "http://localhost:16686").traceOf("g-1", null)).isNull();
    assertThat(new InboxLinks(null, "http://j/trace/{traceId}?goal={goalId}").traceOf("g-1", trace))
        .isEqualTo("http://j/trace/" + trace + "?goal=g-1");
    assertThat(new InboxLinks(null, null).traceOf("g-1", trace)).isNull();
    assertThat(new InboxLinks(" ", null).journalOf("g-1")).isNull();
    assertThat(InboxLinks.itemPage("g-1~approval-x")).isEqualTo("/inbox/g-1~approval-x");
  }
}
