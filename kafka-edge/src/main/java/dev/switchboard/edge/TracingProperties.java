package dev.switchboard.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.tracing.*}: what Switchboard's spans may hold beyond names, ids and decisions.
 *
 * @param captureContent record prompts, model outputs, tool arguments and results as span
 *     attributes (secrets and signatures never); off by default, as they can hold personal data
 */
@ConfigurationProperties("switchboard.tracing")
public record TracingProperties(boolean captureContent) {
  ContentCapture content() {
    return ContentCapture.of(captureContent);
  }
}
