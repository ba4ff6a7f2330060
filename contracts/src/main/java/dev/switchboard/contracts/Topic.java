package dev.switchboard.contracts;

import dev.switchboard.contracts.event.SwitchboardEvent;

/**
 * One topic of the catalog: its base name (before the configurable prefix), the sealed type of its
 * values, and the one service allowed to write it. Keys are always the goalId (a String).
 */
public record Topic<E extends SwitchboardEvent>(
    String baseName, Class<E> valueType, Service writer) {

  public Class<String> keyType() {
    return String.class;
  }
}
