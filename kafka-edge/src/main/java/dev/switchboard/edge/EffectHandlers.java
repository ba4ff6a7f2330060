package dev.switchboard.edge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The service's {@link EffectHandler}s by kind; one per kind. */
final class EffectHandlers {
  private final Map<String, EffectHandler> byKind = new TreeMap<>();

  EffectHandlers(List<? extends EffectHandler> handlers) {
    for (EffectHandler handler : handlers) {
      if (byKind.putIfAbsent(handler.kind(), handler) != null) {
        throw new IllegalStateException("two effect handlers for kind '" + handler.kind() + "'");
      }
    }
  }

  Optional<EffectHandler> find(String kind) {
    return Optional.ofNullable(byKind.get(kind));
  }

  EffectHandler require(String kind) {
    return find(kind)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no effect handler for kind '"
                        + kind
                        + "'; this service has "
                        + byKind.keySet()));
  }

  boolean isEmpty() {
    return byKind.isEmpty();
  }
}
