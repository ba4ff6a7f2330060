package dev.switchboard.cli;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dlq list|show|replay <topic>}: the dead letters of one topic with their reasons, one in
 * full, and replays after a fix. A dead letter several consumers wrote for the same record (each
 * application keeps its own) is replayed once.
 */
final class DeadLetterCommands {
  /** Larger payloads are shown cut, with their size; {@code --full} shows them whole. */
  static final int SHOWN_PAYLOAD_CHARS = 4000;

  private final DeadLetterStore store;
  private final DeadLetterReplay replay;
  private final TopicNames names;
  private final PrintStream out;

  DeadLetterCommands(
      DeadLetterStore store, DeadLetterReplay replay, TopicNames names, PrintStream out) {
    this.store = store;
    this.replay = replay;
    this.names = names;
    this.out = out;
  }

  /** {@code goals}, {@code goals.dlq} or a prefixed name: the dead-letter topic meant. */
  String deadLetterTopic(String topic) {
    String base =
        topic.endsWith(TopicNames.DLQ_SUFFIX)
            ? topic.substring(0, topic.length() - TopicNames.DLQ_SUFFIX.length())
            : topic;
    return Topics.ALL.stream()
        .filter(t -> t.baseName().equals(base) || names.of(t).equals(base))
        .findFirst()
        .map(names::deadLetterOf)
        .orElseThrow(
            () ->
                new UsageException(
                    "no topic '"
                        + topic
                        + "'; one of "
                        + Topics.ALL.stream().map(t -> t.baseName()).toList()));
  }

  int list(String topic) {
    String dlq = deadLetterTopic(topic);
    List<DeadLetter> letters = store.readAll(dlq);
    for (DeadLetter letter : letters) {
      out.println(
          String.join(
              "  ",
              letter.position(),
              letter.timestamp().toString(),
              letter.consumer(),
              letter.source(),
              (letter.reference() ? "reference " : "") + letter.size() + " B",
              letter.reason()));
    }
    out.println(letters.size() + " dead letter(s) on " + dlq);
    return ExitCode.OK;
  }

  int show(String topic, String position, boolean full) {
    DeadLetter letter = find(deadLetterTopic(topic), position);
    out.println("dead letter " + letter.topic() + " " + letter.position());
    out.println("  reason:   " + letter.reason());
    out.println("  consumer: " + letter.consumer());
    out.println("  source:   " + letter.source());
    out.println("  key:      " + (letter.key() == null ? "(none)" : letter.key()));
    out.println("  time:     " + letter.timestamp());
    out.println("  headers:");
    letter.headers().forEach(h -> out.println("    " + h.name() + ": " + h.text()));
    if (letter.reference()) {
      out.println(
          "  payload:  not copied ("
              + letter.size()
              + " bytes); the record is at "
              + letter.source());
    } else if (letter.value() == null) {
      out.println("  payload:  (null)");
    } else {
      String text = new String(letter.value(), StandardCharsets.UTF_8);
      boolean cut = !full && text.length() > SHOWN_PAYLOAD_CHARS;
      out.println(
          "  payload ("
              + letter.value().length
              + " bytes"
              + (cut ? ", first " + SHOWN_PAYLOAD_CHARS + " characters; --full for all" : "")
              + "):");
      out.println(cut ? text.substring(0, SHOWN_PAYLOAD_CHARS) : text);
    }
    return ExitCode.OK;
  }

  /** Replays the named dead letters, or with {@code all} every one; exit 1 if any was refused. */
  int replay(String topic, List<String> positions, boolean all) {
    String dlq = deadLetterTopic(topic);
    if (all == !positions.isEmpty()) {
      throw new UsageException("'dlq replay' takes <partition@offset>... or --all, not both");
    }
    List<DeadLetter> letters = new ArrayList<>();
    if (all) {
      letters.addAll(store.readAll(dlq));
    } else {
      positions.forEach(position -> letters.add(find(dlq, position)));
    }
    // One replay per rejected record, however many consumers dead-lettered it.
    Map<String, DeadLetter> bySource = new LinkedHashMap<>();
    letters.forEach(letter -> bySource.putIfAbsent(letter.source(), letter));
    int replayed = 0;
    int refused = 0;
    for (DeadLetter letter : bySource.values()) {
      switch (replay.plan(letter)) {
        case DeadLetterReplay.Plan.Replay write -> {
          store.write(write);
          replayed++;
          out.println("replayed " + letter.position() + " to " + write.topic());
        }
        case DeadLetterReplay.Plan.Refused no -> {
          refused++;
          out.println("refused  " + letter.position() + ": " + no.why());
        }
      }
    }
    out.println(replayed + " replayed, " + refused + " refused");
    return refused == 0 ? ExitCode.OK : ExitCode.FAILED;
  }

  private DeadLetter find(String dlq, String position) {
    int at = position.indexOf('@');
    int partition;
    long offset;
    try {
      partition = Integer.parseInt(position.substring(0, Math.max(at, 0)));
      offset = Long.parseLong(position.substring(at + 1));
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new UsageException(
          "a dead letter is named <partition>@<offset>, not '" + position + "'");
    }
    return store
        .at(dlq, partition, offset)
        .orElseThrow(() -> new CommandFailedException("no dead letter at " + dlq + " " + position));
  }
}
