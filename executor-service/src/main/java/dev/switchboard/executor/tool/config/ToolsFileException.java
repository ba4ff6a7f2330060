package dev.switchboard.executor.tool.config;

/** The tool file cannot be used; the message says where and why, never a secret's value. */
public final class ToolsFileException extends RuntimeException {
  public ToolsFileException(String message) {
    super(message);
  }

  public ToolsFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
