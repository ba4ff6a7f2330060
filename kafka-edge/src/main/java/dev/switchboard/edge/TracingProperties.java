package dev.switchboard.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.tracing.*}: what Switchboard's spans may hold beyond names, ids and decisions.
 *
 * @param captureContent record prompts, model outputs, tool arguments and results as span
 *     attributes (secrets and signatures never); off by default, as they can hold personal data
 * @param quietReads give a {@code process} span also to a record read that led to nothing (the
 *     trace-service journaling it, a service only noting it in its state); off by default: such
 *     reads show no work and are about half of a step's spans (see {@link GoalTracing#endProcess})
 */
@ConfigurationProperties("switchboard.tracing")
public record TracingProperties(boolean captureContent, boolean quietReads) {
  ContentCapture content() {
    return ContentCapture.of(captureContent);
  }
}
