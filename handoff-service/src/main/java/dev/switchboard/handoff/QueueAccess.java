package dev.switchboard.handoff;

import dev.switchboard.contracts.event.Owners;
import dev.switchboard.websecurity.Caller;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which roles work which queue: the configured roles of a queue, else for {@code human:<name>} the
 * role {@code <name>}; the admin role works every queue.
 */
public final class QueueAccess {
  private final Map<String, List<String>> queueRoles;
  private final String adminRole;

  public QueueAccess(Map<String, List<String>> queueRoles, String adminRole) {
    this.queueRoles = Map.copyOf(queueRoles);
    this.adminRole = adminRole;
  }

  public Set<String> rolesFor(String queue) {
    List<String> configured = queueRoles.get(queue);
    if (configured != null) {
      return new TreeSet<>(configured);
    }
    return Owners.queueOf(queue).map(Set::of).orElse(Set.of());
  }

  public boolean covers(Caller caller, String queue) {
    return caller.hasRole(adminRole) || rolesFor(queue).stream().anyMatch(caller::hasRole);
  }

  /** Why the caller may not work the queue, for a 403. */
  String whyNot(Caller caller, String queue) {
    Set<String> roles = rolesFor(queue);
    String needs =
        roles.isEmpty()
            ? "only the " + adminRole + " role works it"
            : "it needs the role " + String.join(" or ", roles);
    return "'" + caller.name() + "' may not work queue " + queue + " (" + needs + ")";
  }
}
