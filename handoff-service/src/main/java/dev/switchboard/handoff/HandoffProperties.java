package dev.switchboard.handoff;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.handoff.*}, besides the sign-in settings ({@code users}, {@code
 * service-tokens}, {@code oidc}) that {@code WebSecuritySettings} binds from the same prefix.
 *
 * @param operatorToken a plain bearer token for the local operator (at least 16 characters); it
 *     works as a service token named {@code operatorName} with the admin role. Optional.
 * @param operatorName the operator token's actor name
 * @param peerToken the secret handoff instances call each other with (same on all); needed only
 *     when several instances run
 * @param defaultSla the time to answer an escalation that names no SLA
 * @param adminRole the role that works every queue
 * @param queueRoles roles per queue, e.g. {@code queue-roles[human:finance]=controllers}; a queue
 *     not listed, {@code human:<name>}, is worked by the role {@code <name>}
 * @param links where the page links an item's goal to
 * @param nextQueues where an item nobody answered in time goes next, e.g. {@code
 *     next-queues[human:approvers]=human:managers}; an item of a queue not listed expires
 */
@ConfigurationProperties("switchboard.handoff")
public record HandoffProperties(
    String operatorToken,
    String operatorName,
    String peerToken,
    Duration defaultSla,
    String adminRole,
    Map<String, List<String>> queueRoles,
    InboxLinks links,
    Map<String, String> nextQueues) {
  public HandoffProperties {
    operatorName =
        operatorName == null || operatorName.isBlank() ? "local-operator" : operatorName.strip();
    defaultSla = defaultSla == null ? Duration.ofHours(4) : defaultSla;
    adminRole = adminRole == null || adminRole.isBlank() ? "admin" : adminRole.strip();
    queueRoles = queueRoles == null ? Map.of() : Map.copyOf(queueRoles);
    links = links == null ? new InboxLinks(null, null) : links;
    nextQueues = nextQueues == null ? Map.of() : Map.copyOf(nextQueues);
  }

  @Override
  public String toString() {
    return "HandoffProperties[operatorToken="
        + (operatorToken == null ? "unset" : "hidden")
        + ", operatorName="
        + operatorName
        + ", peerToken="
        + (peerToken == null ? "unset" : "hidden")
        + ", defaultSla="
        + defaultSla
        + ", adminRole="
        + adminRole
        + ", queueRoles="
        + queueRoles
        + ", links="
        + links
        + ", nextQueues="
        + nextQueues
        + "]";
  }
}
