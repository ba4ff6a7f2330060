package dev.switchboard.policy;

/**
 * One rule as written: if {@code when} holds, {@code decision} applies.
 *
 * @param priority higher is evaluated first; equal priorities keep the order of the files and of
 *     the rules within them
 * @param when a CEL expression of type bool over {@link PolicyVariables}; null for a default
 * @param whenLine the 1-based line of the expression's first line in its file
 * @param line the rule's own line, for problems that are not in the expression
 */
record PolicyRule(
    String name,
    int priority,
    String when,
    int whenLine,
    String decision,
    String reason,
    EscalationRoute route,
    int line) {}
