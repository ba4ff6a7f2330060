package dev.switchboard.policy;

import java.util.List;

/**
 * One policy file as written, before its conditions are compiled.
 *
 * @param fallback what happens when no rule matches, or null for the built-in default (deny)
 */
record PolicyDocument(
    PolicySource source,
    String id,
    String version,
    String description,
    PolicyRule fallback,
    List<PolicyRule> rules) {

  PolicyRef ref() {
    return new PolicyRef(id, version + "+" + source.digest().substring(0, 12));
  }
}
