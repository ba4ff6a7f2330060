package dev.switchboard.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names learned from earlier events of a goal, so later lines can say {@code allowed demo.lookup}
 * where the event itself only carries an actionId. Bounded, oldest forgotten first, so one goal's
 * state stays well inside one Kafka record.
 *
 * @param toolsByAction the tool of each proposed action
 * @param queuesByEscalation the inbox queue of each escalation, like {@code human:approvers}
 */
public record KnownNames(
    Map<String, String> toolsByAction, Map<String, String> queuesByEscalation) {
  static final int MAX_NAMES = 200;
  static final int MAX_NAME_LENGTH = 200;

  public KnownNames {
    toolsByAction = frozen(toolsByAction);
    queuesByEscalation = frozen(queuesByEscalation);
  }

  static KnownNames none() {
    return new KnownNames(Map.of(), Map.of());
  }

  /** The action's tool, or the actionId itself when no event named the tool yet. */
  String toolOf(String actionId) {
    return toolsByAction.getOrDefault(actionId, actionId);
  }

  /** The escalation's queue, or null when its escalation event has not arrived yet. */
  String queueOf(String escalationId) {
    return queuesByEscalation.get(escalationId);
  }

  KnownNames withTool(String actionId, String tool) {
    return new KnownNames(remembering(toolsByAction, actionId, tool), queuesByEscalation);
  }

  KnownNames withQueue(String escalationId, String queue) {
    return new KnownNames(toolsByAction, remembering(queuesByEscalation, escalationId, queue));
  }

  private static Map<String, String> remembering(
      Map<String, String> names, String key, String value) {
    if (key == null
        || value == null
        || key.length() > MAX_NAME_LENGTH
        || value.length() > MAX_NAME_LENGTH
        || value.equals(names.get(key))) {
      return names;
    }
    LinkedHashMap<String, String> copy = new LinkedHashMap<>(names);
    copy.remove(key);
    copy.put(key, value);
    while (copy.size() > MAX_NAMES) {
      copy.remove(copy.keySet().iterator().next());
    }
    return copy;
  }

  /** Keeps insertion order (oldest first) through the JSON round trip of the state store. */
  private static Map<String, String> frozen(Map<String, String> names) {
    return names == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(names));
  }
}
