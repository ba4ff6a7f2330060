package dev.switchboard.executor;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.security.*}, shared with the guardrail.
 *
 * @param actionSigningKey the HMAC key the guardrail signs action requests with; checked when the
 *     signer is built, never printed
 */
@ConfigurationProperties("switchboard.security")
public record SecurityProperties(String actionSigningKey) {
  @Override
  public String toString() {
    return "SecurityProperties[actionSigningKey="
        + (actionSigningKey == null ? "unset" : "hidden")
        + "]";
  }
}
