package dev.switchboard.guardrail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secret the guardrail signs action requests with ({@code switchboard.security.*}); the
 * executor verifies with the same one. Required, no default.
 *
 * @param actionSigningKey at least 32 bytes (UTF-8)
 */
@ConfigurationProperties("switchboard.security")
public record SigningProperties(String actionSigningKey) {

  /** Keeps the key out of logs, actuator output and failure messages. */
  @Override
  public String toString() {
    return "SigningProperties[actionSigningKey="
        + (actionSigningKey == null ? "unset" : "hidden")
        + "]";
  }
}
