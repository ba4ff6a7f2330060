package dev.switchboard.policy;

/**
 * Which policy document decided, for the audit trail.
 *
 * @param version the document's declared version and a digest of its content, e.g. {@code
 *     3+1f2e3d4c5b6a}, so an edited file without a new version number is still told apart
 */
public record PolicyRef(String id, String version) {
  /** The checks built into the guardrail itself: unknown tools, argument schemas, rate limits. */
  public static final PolicyRef BUILT_IN = new PolicyRef("switchboard-builtin", "1");
}
