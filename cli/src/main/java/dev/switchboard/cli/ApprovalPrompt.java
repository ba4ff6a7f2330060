package dev.switchboard.cli;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;

/**
 * Asks the person at the terminal to approve an escalated action, or approves it automatically
 * (with {@code --yes}, or when there is no terminal to ask in) and says so.
 */
final class ApprovalPrompt {

  /** Reads one answer; null at the end of input. */
  @FunctionalInterface
  interface LineReader {
    String readLine(String prompt);
  }

  record Decision(boolean approved, String note) {}

  private final PrintStream out;
  private final EscalationFormat format;
  private final LineReader reader;
  private final String automaticBecause;

  private ApprovalPrompt(
      PrintStream out, EscalationFormat format, LineReader reader, String automaticBecause) {
    this.out = out;
    this.format = format;
    this.reader = reader;
    this.automaticBecause = automaticBecause;
  }

  static ApprovalPrompt interactive(PrintStream out, EscalationFormat format, LineReader reader) {
    return new ApprovalPrompt(out, format, reader, null);
  }

  static ApprovalPrompt automatic(PrintStream out, EscalationFormat format, String because) {
    return new ApprovalPrompt(out, format, null, because);
  }

  /** Asks in this process's terminal if it has one and {@code --yes} was not given. */
  static ApprovalPrompt forThisProcess(boolean yes, PrintStream out, EscalationFormat format) {
    if (yes) {
      return automatic(out, format, "--yes");
    }
    Console console = interactiveConsole();
    return console == null
        ? automatic(out, format, "no terminal to ask in")
        : interactive(out, format, prompt -> console.readLine("%s", prompt));
  }

  Decision decide(Escalation escalation) {
    out.println();
    out.println(format.details(escalation));
    if (automaticBecause != null) {
      out.println("Approving automatically (" + automaticBecause + ") through the inbox API.");
      return new Decision(
          true, "approved automatically by switchboard demo (" + automaticBecause + ")");
    }
    out.flush();
    String answer = reader.readLine("Approve? [y/N] ");
    boolean approved =
        answer != null
            && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    return approved
        ? new Decision(true, "approved in the switchboard terminal")
        : new Decision(false, "denied in the switchboard terminal");
  }

  /**
   * The console when stdin and stdout are a terminal. Since JDK 22 System.console() may exist even
   * when redirected and isTerminal() tells; we compile for 21, hence the reflective call.
   */
  private static Console interactiveConsole() {
    Console console = System.console();
    if (console == null) {
      return null;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console)) ? console : null;
    } catch (NoSuchMethodException e) {
      return console;
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
