package dev.switchboard.edge;

import dev.switchboard.contracts.EventCodec;
import tools.jackson.databind.JavaType;

/** Per-goal state to and from the JSON bytes kept in the state store and its changelog. */
final class GoalStateCodec<S> {
  private final EventCodec codec;
  private final JavaType storedType;

  GoalStateCodec(EventCodec codec, Class<S> stateType) {
    this.codec = codec;
    this.storedType =
        codec.mapper().getTypeFactory().constructParametricType(StoredGoal.class, stateType);
  }

  byte[] encode(StoredGoal<S> goal) {
    return codec.mapper().writeValueAsBytes(goal);
  }

  StoredGoal<S> decode(byte[] bytes) {
    if (bytes == null) {
      return StoredGoal.empty();
    }
    return codec.mapper().readValue(bytes, storedType);
  }
}
