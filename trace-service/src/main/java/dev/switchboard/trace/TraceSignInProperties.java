package dev.switchboard.trace;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read journals besides the {@code users}, {@code service-tokens} and {@code oidc} that
 * {@code WebSecuritySettings} binds from the same prefix ({@code switchboard.trace}).
 *
 * @param operatorToken a plain bearer token for the local operator (at least 16 characters): a
 *     service token named {@code operatorName} with the role {@code admin}. Optional.
 * @param operatorName the operator token's name
 * @param peerToken the secret the instances call each other with (the same on all): a service token
 *     with the role {@code trace-peer}. Without it an instance passes the caller's own {@code
 *     Authorization} on, which a console session does not have.
 * @param viewerRoles the roles that may read every journal, the lists and the console; {@code
 *     admin} always may
 */
@ConfigurationProperties("switchboard.trace")
public record TraceSignInProperties(
    String operatorToken, String operatorName, String peerToken, List<String> viewerRoles) {
  public TraceSignInProperties {
    operatorName =
        operatorName == null || operatorName.isBlank() ? "local-operator" : operatorName.strip();
    viewerRoles =
        viewerRoles == null ? List.of(TraceSecurity.VIEWER_ROLE) : List.copyOf(viewerRoles);
  }

  @Override
  public String toString() {
    return "TraceSignInProperties[operatorToken="
        + (operatorToken == null ? "unset" : "hidden")
        + ", operatorName="
        + operatorName
        + ", peerToken="
        + (peerToken == null ? "unset" : "hidden")
        + ", viewerRoles="
        + viewerRoles
        + "]";
  }
}
