package dev.switchboard.cli;

import dev.switchboard.policy.InvalidPolicyException;
import dev.switchboard.policy.PolicyCases;
import dev.switchboard.policy.PolicyDecision;
import dev.switchboard.policy.PolicySet;
import dev.switchboard.policy.PolicySource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code policy test <policy> <cases>}: decides every case with the guardrail's own engine and
 * prints each decision and its rule; any mismatch makes the exit status non-zero, for CI.
 */
final class PolicyTestRun {
  private final PrintStream out;

  PolicyTestRun(PrintStream out) {
    this.out = out;
  }

  int run(Path policy, Path cases) {
    PolicySet compiled;
    PolicyCases loaded;
    try {
      compiled = PolicySet.compile(PolicySource.read(List.of(policy)));
      loaded = PolicyCases.load(cases);
    } catch (InvalidPolicyException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
    List<PolicyCases.Result> results = loaded.run(compiled);
    int failed = 0;
    for (PolicyCases.Result result : results) {
      PolicyDecision actual = result.actual();
      String got = actual.kind() + " by " + actual.rule();
      if (result.passed()) {
        out.println("PASS  " + result.name() + ": " + got);
      } else {
        failed++;
        out.println(
            "FAIL  "
                + result.name()
                + ": expected "
                + result.describeExpected()
                + ", got "
                + result.describeActual()
                + " ("
                + actual.reason()
                + ")");
      }
    }
    out.println(results.size() + " cases, " + failed + " failed");
    return failed == 0 ? ExitCode.OK : ExitCode.FAILED;
  }
}
