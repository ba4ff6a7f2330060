package dev.switchboard.executor.tool;

import java.util.List;

/** Where a set of tools comes from: the built-ins, the HTTP tools, one MCP server. */
public interface ToolSource {

  /** The server name ({@code builtin}, {@code http}, or the MCP server's name in the file). */
  String name();

  /** The tools it has now (for an MCP server: as it last listed them). */
  List<Tool> tools();

  /** False until its tools are known (an MCP server that has not answered yet). */
  boolean listed();

  SourceStatus status();

  /** No longer in the tool file: stop once the calls running on it are done. */
  void retire();

  /**
   * How a source is doing, for the health endpoint.
   *
   * @param kind {@code builtin}, {@code http}, {@code stdio} or {@code streamable-http}
   * @param state {@code up}, {@code connecting} or {@code down}
   * @param restarts how often a stdio server process was started again after it ended
   * @param lastError the last connection error, or null
   */
  record SourceStatus(
      String name, String kind, String state, int tools, int restarts, String lastError) {}

  /** A source whose tools never change. */
  static ToolSource fixed(String name, List<? extends Tool> tools) {
    List<Tool> copy = List.copyOf(tools);
    return new ToolSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Tool> tools() {
        return copy;
      }

      @Override
      public boolean listed() {
        return true;
      }

      @Override
      public SourceStatus status() {
        return new SourceStatus(name, name, "up", copy.size(), 0, null);
      }

      @Override
      public void retire() {}
    };
  }
}
