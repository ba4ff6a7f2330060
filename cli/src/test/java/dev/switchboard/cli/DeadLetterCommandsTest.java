package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.PlannedAction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeadLetterCommandsTest {
  private static final TopicNames NAMES = new TopicNames("t-");
  private final EventCodec codec = new EventCodec();
  private final ListStore store = new ListStore();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final DeadLetterCommands commands =
      new DeadLetterCommands(
          store,
          new DeadLetterReplay(NAMES, codec),
          NAMES,
          new PrintStream(printed, true, StandardCharsets.UTF_8));

  @Test
  void shouldListEachDeadLetterWithItsReasonConsumerAndSource() {
    store.add(letter(0, "t-goals", 7, "{bad", "not valid JSON", "t-switchboard-planner"));
    store.add(reference(1, "t-goals", 9, 1_500_000));

    assertThat(commands.list("goals")).isZero();

    assertThat(output())
        .contains("0@0", "t-switchboard-planner", "t-goals-0@7", "not valid JSON")
        .contains("1@1", "reference 1500000 B")
        .contains("2 dead letter(s) on t-goals.dlq");
  }

  @Test
  void shouldReplayAValidRecordWithItsHeadersButWithoutTheDeadLetterOnes() {
    GoalSubmitted goal = goal();
    DeadLetter letter =
        letter(0, "t-goals", 3, new String(codec.encode(goal)), "processing failed", "planner");
    store.add(letter);

    assertThat(commands.replay("goals", List.of("0@0"), false)).isZero();

    DeadLetterReplay.Plan.Replay written = store.written.getFirst();
    assertThat(written.topic()).isEqualTo("t-goals");
    assertThat(written.key()).isEqualTo(goal.goalId());
    assertThat(written.value()).isEqualTo(codec.encode(goal));
    Map<String, String> headers = new LinkedHashMap<>();
    written.headers().forEach(h -> headers.put(h.name(), h.text()));
    assertThat(headers)
        .containsEntry("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
        .containsEntry(SwitchboardHeaders.DLQ_REPLAYED_FROM, "t-goals.dlq-0@0")
        .doesNotContainKeys(
            SwitchboardHeaders.DLQ_REASON,
            SwitchboardHeaders.DLQ_CONSUMER,
            SwitchboardHeaders.DLQ_SOURCE_TOPIC);
  }

  @Test
  void shouldNeverReplayAnActionRequestedAReferenceOrAStillInvalidRecord() {
    ActionRequested request =
        new ActionRequested(
            "g-1",
            UUID.randomUUID(),
            null,
            Instant.now(),
            new PlannedAction("g-1/a/step-1", "email.send", null, null, true, null),
            null,
            Instant.now().plusSeconds(60),
            "k1",
            "sig");
    store.add(
        letter(0, "t-action-request", 1, new String(codec.encode(request)), "bad", "executor"));
    store.add(reference(1, "t-action-request", 2, 2_000_000));
    store.add(letter(2, "t-action-request", 3, "{still bad", "not valid JSON", "executor"));

    assertThat(commands.replay("action-request", List.of(), true)).isEqualTo(ExitCode.FAILED);

    assertThat(store.written).isEmpty();
    assertThat(output())
        .contains("an ActionRequested is never replayed")
        .contains("a reference, not a copy")
        .contains("still not a valid action-request event")
        .contains("0 replayed, 3 refused");
  }

  @Test
  void shouldReplayOnceWhatSeveralConsumersDeadLettered() {
    String value = new String(codec.encode(goal()));
    store.add(letter(0, "t-goals", 5, value, "failed", "t-switchboard-planner"));
    store.add(letter(1, "t-goals", 5, value, "failed", "t-switchboard-trace"));

    assertThat(commands.replay("goals.dlq", List.of(), true)).isZero();

    assertThat(store.written).hasSize(1);
  }

  @Test
  void shouldShowAReferenceWithoutPretendingToHaveItsPayload() {
    store.add(reference(0, "t-goals", 9, 1_500_000));

    commands.show("goals", "0@0", false);

    assertThat(output()).contains("not copied (1500000 bytes)", "t-goals-0@9");
  }

  @Test
  void shouldRefuseUnknownTopicsAndBadPositions() {
    assertThatThrownBy(() -> commands.list("nope")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> commands.show("goals", "7", false))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("<partition>@<offset>");
    assertThatThrownBy(() -> commands.show("goals", "0@99", false))
        .isInstanceOf(CommandFailedException.class);
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  private static GoalSubmitted goal() {
    return new GoalSubmitted(
        "g-" + UUID.randomUUID(), UUID.randomUUID(), null, Instant.now(), null, "x", Map.of());
  }

  private static DeadLetter letter(
      long offset, String source, long sourceOffset, String value, String reason, String consumer) {
    List<DeadLetter.HeaderValue> headers = new ArrayList<>();
    headers.add(header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
    headers.add(header(SwitchboardHeaders.DLQ_REASON, reason));
    headers.add(header(SwitchboardHeaders.DLQ_CONSUMER, consumer));
    headers.add(header(SwitchboardHeaders.DLQ_SOURCE_TOPIC, source));
    headers.add(header(SwitchboardHeaders.DLQ_SOURCE_PARTITION, "0"));
    headers.add(header(SwitchboardHeaders.DLQ_SOURCE_OFFSET, Long.toString(sourceOffset)));
    String key =
        value.contains("goalId") ? value.replaceAll(".*\"goalId\":\"([^\"]+)\".*", "$1") : "k";
    return new DeadLetter(
        source + ".dlq",
        0,
        offset,
        Instant.EPOCH,
        key,
        value.getBytes(StandardCharsets.UTF_8),
        headers);
  }

  private static DeadLetter reference(long offset, String source, long sourceOffset, long size) {
    return new DeadLetter(
        source + ".dlq",
        (int) offset,
        offset,
        Instant.EPOCH,
        null,
        null,
        List.of(
            header(SwitchboardHeaders.DLQ_REASON, "record of " + size + " bytes exceeds the limit"),
            header(SwitchboardHeaders.DLQ_CONSUMER, "t-switchboard-planner"),
            header(SwitchboardHeaders.DLQ_SOURCE_TOPIC, source),
            header(SwitchboardHeaders.DLQ_SOURCE_PARTITION, "0"),
            header(SwitchboardHeaders.DLQ_SOURCE_OFFSET, Long.toString(sourceOffset)),
            header(SwitchboardHeaders.DLQ_SOURCE_SIZE, Long.toString(size))));
  }

  private static DeadLetter.HeaderValue header(String name, String value) {
    return new DeadLetter.HeaderValue(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Dead letters in a list; replays collected. */
  private static final class ListStore implements DeadLetterStore {
    private final List<DeadLetter> letters = new ArrayList<>();
    final List<DeadLetterReplay.Plan.Replay> written = new ArrayList<>();

    void add(DeadLetter letter) {
      letters.add(letter);
    }

    @Override
    public List<DeadLetter> readAll(String topic) {
      return letters.stream().filter(l -> l.topic().equals(topic)).toList();
    }

    @Override
    public Optional<DeadLetter> at(String topic, int partition, long offset) {
      return letters.stream()
          .filter(
              l -> l.topic().equals(topic) && l.partition() == partition && l.offset() == offset)
          .findFirst();
    }

    @Override
    public void write(DeadLetterReplay.Plan.Replay replay) {
      written.add(replay);
    }
  }
}
