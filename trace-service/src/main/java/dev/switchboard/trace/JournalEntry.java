package dev.switchboard.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event of a goal as the journal shows it: where it came from, one line a person can read, and
 * the names it is about (tools, policy, queue, who) — never arguments, outputs, questions, answers
 * or comments.
 *
 * @param topic the catalog topic's base name, like {@code plan}
 * @param type the event type as written on the wire, like {@code StepsProposed}
 * @param seq the goal's journal version this entry made: 1 for the first event seen, and so on;
 *     live streams send entries by it
 * @param actions the actions the event is about (at most {@link #MAX_ACTIONS})
 * @param agent the agent that proposed or asked
 * @param policy the guardrail policy that decided or asked for a person
 * @param escalationId the inbox item the event opened or answered
 * @param queue the queue of people asked, like {@code human:approvers}
 * @param actor the person (or system) who answered, approved or asked to cancel
 * @param target where a handoff goes: {@code agent:<name>} or {@code human:<queue>}
 * @param usage model tokens and cost the event reports, when it reports any
 */
public record JournalEntry(
    String topic,
    String type,
    UUID eventId,
    UUID causationId,
    Instant occurredAt,
    String summary,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) long seq,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ActionRef> actions,
    @JsonInclude(JsonInclude.Include.NON_NULL) String agent,
    @JsonInclude(JsonInclude.Include.NON_NULL) String policy,
    @JsonInclude(JsonInclude.Include.NON_NULL) String escalationId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String queue,
    @JsonInclude(JsonInclude.Include.NON_NULL) String actor,
    @JsonInclude(JsonInclude.Include.NON_NULL) String target,
    @JsonInclude(JsonInclude.Include.NON_NULL) Usage usage) {
  static final int MAX_ACTIONS = 20;
  // A field's name, quotes, colon and comma; the fixed fields take about 170 bytes in all.
  private static final int FIELD_OVERHEAD_BYTES = 16;
  private static final int FIXED_BYTES = 180;

  public JournalEntry {
    actions = actions == null ? List.of() : List.copyOf(actions);
  }

  /** The first action's tool, or null. */
  String tool() {
    return actions.isEmpty() ? null : actions.getFirst().tool();
  }

  /** The first action's id, or null. */
  String actionId() {
    return actions.isEmpty() ? null : actions.getFirst().actionId();
  }

  /**
   * An upper bound of this entry's size as UTF-8 JSON, so the journal can stay inside one Kafka
   * record whatever the names hold.
   */
  int encodedBytes() {
    int bytes = FIXED_BYTES;
    for (String text : new String[] {summary, agent, policy, escalationId, queue, actor, target}) {
      bytes += text == null ? 0 : utf8Bytes(text) + FIELD_OVERHEAD_BYTES;
    }
    for (ActionRef action : actions) {
      bytes += utf8Bytes(action.actionId()) + utf8Bytes(action.tool()) + 2 * FIELD_OVERHEAD_BYTES;
    }
    return bytes + (usage == null ? 0 : 120);
  }

  /** UTF-8 length, counting JSON escapes of quotes and backslashes as two bytes. */
  static int utf8Bytes(String text) {
    if (text == null) {
      return 0;
    }
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        bytes += 2;
      } else if (c < 0x20) {
        bytes += 6;
      } else if (c < 0x80) {
        bytes++;
      } else if (c < 0x800 || Character.isSurrogate(c)) {
        bytes += 2; // a surrogate pair is 4 bytes: 2 for each half
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
