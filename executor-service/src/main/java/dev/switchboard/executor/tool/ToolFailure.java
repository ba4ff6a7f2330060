package dev.switchboard.executor.tool;

/** A tool's clean "no": the call was refused and nothing changed outside. */
public class ToolFailure extends Exception {
  public ToolFailure(String message) {
    super(message);
  }
}
