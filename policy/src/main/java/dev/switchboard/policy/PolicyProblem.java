package dev.switchboard.policy;

/**
 * One thing wrong with a policy file: where it is, the expression if there is one, and what is
 * wrong.
 *
 * @param line 1-based line in the file, or 0 when the whole file is meant
 * @param expression the CEL expression at fault, or null
 */
public record PolicyProblem(String file, int line, String expression, String message) {

  /** {@code file:line: message}, then the expression indented below it. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line);
    }
    text.append(": ").append(message);
    if (expression != null) {
      text.append("\n    ").append(expression.strip().replace("\n", "\n    "));
    }
    return text.toString();
  }
}
