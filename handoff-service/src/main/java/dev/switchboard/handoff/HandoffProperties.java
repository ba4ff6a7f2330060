package dev.switchboard.handoff;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.handoff.*}
 *
 * @param operatorToken bearer token of the local operator; required, at least 16 characters, never
 *     printed
 * @param operatorName the actor written into the operator's resolutions
 */
@ConfigurationProperties("switchboard.handoff")
public record HandoffProperties(String operatorToken, String operatorName) {
  public HandoffProperties {
    operatorName =
        operatorName == null || operatorName.isBlank() ? "local-operator" : operatorName.strip();
  }

  @Override
  public String toString() {
    return "HandoffProperties[operatorToken="
        + (operatorToken == null ? "unset" : "hidden")
        + ", operatorName="
        + operatorName
        + "]";
  }
}
