package dev.switchboard.contracts.event;

import java.util.List;

/**
 * Who answered an escalation and from where, for the audit trail. The actor's name itself is the
 * resolution's {@code actor}; the time is its {@code occurredAt}.
 *
 * @param authenticatedBy how the actor proved who they are: {@code password}, {@code
 *     service-token}, {@code jwt} or {@code oidc}
 * @param roles the actor's roles when answering; the guardrail re-checks its approver role in them
 * @param clientAddress the caller's address as the inbox saw it
 * @param userAgent the caller's {@code User-Agent}, shortened
 * @param traceId the W3C trace id of the request's {@code traceparent}, if it had one
 */
public record ResolutionAudit(
    String authenticatedBy,
    List<String> roles,
    String clientAddress,
    String userAgent,
    String traceId) {
  public ResolutionAudit {
    roles = Require.list(roles);
  }
}
