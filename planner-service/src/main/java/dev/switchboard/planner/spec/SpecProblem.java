package dev.switchboard.planner.spec;

/**
 * One thing wrong with a spec file, where it is: {@code sdr.yaml:12:7: sop[2].tool: ...}.
 *
 * @param line 1-based; 0 when the problem is the file as a whole
 * @param field the path of the field, e.g. {@code sop[2].arguments.to}; empty for the document
 */
public record SpecProblem(String source, int line, int column, String field, String message) {

  @Override
  public String toString() {
    String where = line > 0 ? source + ":" + line + ":" + column : source;
    return field.isEmpty() ? where + ": " + message : where + ": " + field + ": " + message;
  }
}
