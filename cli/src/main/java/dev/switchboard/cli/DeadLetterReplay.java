package dev.switchboard.cli;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.MalformedEventException;
import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.event.ActionRequestEvent;
import dev.switchboard.contracts.event.SwitchboardEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a dead letter may go back to its topic, checked as a consumer would check it (the
 * services check it again when they read it: signatures, partition, state). A replay writes the
 * original key, payload and headers, without the dead-letter headers, plus where it came from.
 */
final class DeadLetterReplay {
  static final String DLQ_HEADER_PREFIX = "switchboard-dlq-";

  private final TopicNames names;
  private final EventCodec codec;

  DeadLetterReplay(TopicNames names, EventCodec codec) {
    this.names = names;
    this.codec = codec;
  }

  /** What to do with one dead letter. */
  sealed interface Plan {
    /** Write this record to its source topic again. */
    record Replay(String topic, String key, byte[] value, List<DeadLetter.HeaderValue> headers)
        implements Plan {}

    /** Not replayed, and why. */
    record Refused(String why) implements Plan {}
  }

  Plan plan(DeadLetter letter) {
    if (letter.reference()) {
      return new Plan.Refused(
          "a reference, not a copy: the record of "
              + letter.size()
              + " bytes stays at "
              + letter.source()
              + " and is too large for any consumer");
    }
    String source = letter.sourceTopic();
    Optional<Topic<?>> topic = source == null ? Optional.empty() : names.topicNamed(source);
    if (topic.isEmpty()) {
      return new Plan.Refused("its source topic '" + source + "' is not one of Switchboard's");
    }
    SwitchboardEvent event;
    try {
      event = codec.decode(topic.get(), letter.value());
    } catch (MalformedEventException e) {
      return new Plan.Refused(
          "still not a valid " + topic.get().baseName() + " event: " + e.getMessage());
    }
    if (event instanceof ActionRequestEvent) {
      // The executor would refuse it anyway (run at most once); a replay never asks for an action.
      return new Plan.Refused(
          "an ActionRequested is never replayed: no side effect repeats from a replay; the"
              + " guardrail issues a new request when the planner asks again");
    }
    List<DeadLetter.HeaderValue> headers = new ArrayList<>();
    for (DeadLetter.HeaderValue header : letter.headers()) {
      if (!header.name().startsWith(DLQ_HEADER_PREFIX)) {
        headers.add(header);
      }
    }
    headers.add(
        new DeadLetter.HeaderValue(
            SwitchboardHeaders.DLQ_REPLAYED_FROM,
            (letter.topic() + "-" + letter.position())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return new Plan.Replay(source, letter.key(), letter.value(), headers);
  }
}
