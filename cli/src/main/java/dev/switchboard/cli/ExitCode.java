package dev.switchboard.cli;

/** What the process exit status means, for scripts that call the CLI. */
final class ExitCode {
  private ExitCode() {}

  /** Done; for a goal: it completed. */
  static final int OK = 0;

  /** The goal failed, was cancelled or denied, or the command could not do its work. */
  static final int FAILED = 1;

  /** Nothing went wrong, but the goal did not finish in time. */
  static final int TIMED_OUT = 2;

  /** The command line was wrong (EX_USAGE of sysexits.h). */
  static final int USAGE = 64;
}
