package dev.switchboard.edge;

import io.opentelemetry.api.common.Attributes;
import java.time.Instant;

/**
 * A span a decision asks the edge to record; it ends when the decision is applied. A span that
 * covers more than one decision (a goal's time under an agent, which may last days and restarts) is
 * recorded at its end with the start and the context its logic stored.
 *
 * @param start when it began; null: when the decision began
 * @param parent the context it began in; null or none: the span the decision is made in
 * @param errorType what went wrong ({@code error.type}); null when nothing did
 */
public record RecordedSpan(
    String name, Instant start, EventContext parent, Attributes attributes, String errorType) {
  public RecordedSpan {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a span needs a name");
    }
    attributes = attributes == null ? Attributes.empty() : attributes;
  }

  /** Begun and ended with the decision, under the span the decision is made in. */
  public static RecordedSpan of(String name, Attributes attributes) {
    return new RecordedSpan(name, null, null, attributes, null);
  }
}
