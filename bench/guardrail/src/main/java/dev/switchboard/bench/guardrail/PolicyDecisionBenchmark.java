package dev.switchboard.bench.guardrail;

import dev.switchboard.policy.AgentFacts;
import dev.switchboard.policy.InputDigest;
import dev.switchboard.policy.PolicyDecision;
import dev.switchboard.policy.PolicyInput;
import dev.switchboard.policy.PolicySet;
import dev.switchboard.policy.PolicySource;
import dev.switchboard.policy.ToolFacts;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The guardrail's policy decision against a 50-rule policy (the shipped 10 plus 40 realistic ones),
 * for an action that only the last rule matches, so every condition is evaluated: the worst case of
 * first-match. Prints p50/p90/p99 of one decision, without and with the inputs hash the audit
 * record carries. Target: p50 at most 50 µs.
 *
 * <p>Usage: {@code java -jar guardrail-bench.jar [default-policy.yaml] [decisions]}; by default the
 * shipped policy from {@code guardrail-service/src/main/resources/policies/} (run from the root).
 */
public final class PolicyDecisionBenchmark {
  private static final int RULES = 50;
  private static final int WARMUP = 100_000;

  private PolicyDecisionBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path shipped =
        Path.of(
            args.length > 0
                ? args[0]
                : "guardrail-service/src/main/resources/policies/default-policy.yaml");
    int decisions = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    PolicySource shippedSource = new PolicySource(shipped.toString(), Files.readString(shipped));
    int shippedRules = PolicySet.compile(List.of(shippedSource)).ruleNames().size();
    PolicySet policy =
        PolicySet.compile(
            List.of(
                shippedSource,
                new PolicySource("generated-rules.yaml", generatedRules(RULES - shippedRules))));
    PolicyInput input = lastRuleOnly();
    PolicyDecision decision = policy.evaluate(input);
    if (!decision.rule().equals("read-only-tools") || policy.ruleNames().size() != RULES) {
      throw new IllegalStateException(
          "benchmark set-up is wrong: " + policy.ruleNames().size() + " rules, " + decision);
    }
    System.out.printf(
        "guardrail policy decision, %d rules, all evaluated (deciding rule: %s), %s%n",
        policy.ruleNames().size(), decision.rule(), Runtime.version());
    Runnable evaluate = () -> policy.evaluate(input);
    Runnable withHash =
        () -> {
          policy.evaluate(input);
          InputDigest.of(input);
        };
    warmUp(evaluate);
    warmUp(withHash);
    System.out.println(
        "wall-clock time per decision (includes waiting for a core on a busy machine):");
    report("evaluate", measure(decisions, evaluate, System::nanoTime));
    report("evaluate + inputs hash", measure(decisions, withHash, System::nanoTime));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.println(
        "CPU time of this thread per decision (time preempted not counted; includes the clock"
            + " call itself):");
    report("evaluate", measure(decisions, evaluate, threads::getCurrentThreadCpuTime));
    report(
        "evaluate + inputs hash", measure(decisions, withHash, threads::getCurrentThreadCpuTime));
    System.out.printf(
        "load average %.1f on %d cores%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  private static void warmUp(Runnable decision) {
    for (int i = 0; i < WARMUP; i++) {
      decision.run();
    }
  }

  private static long[] measure(int decisions, Runnable decision, LongSupplier clock) {
    long[] nanos = new long[decisions];
    for (int i = 0; i < decisions; i++) {
      long start = clock.getAsLong();
      decision.run();
      nanos[i] = clock.getAsLong() - start;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static void report(String what, long[] sorted) {
    System.out.printf(
        "  %-24s p50 %6.1f µs   p90 %6.1f µs   p99 %7.1f µs   (%d decisions)%n",
        what,
        percentile(sorted, 0.50),
        percentile(sorted, 0.90),
        percentile(sorted, 0.99),
        sorted.length);
  }

  private static double percentile(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1000.0;
  }

  /**
   * Rules a platform team might add: per tool and argument, per tenant and label, by time and
   * budget; none matches the benchmark's action.
   */
  static String generatedRules(int count) {
    StringBuilder yaml = new StringBuilder("id: generated\nversion: 1\nrules:\n");
    String[] conditions = {
      "tool.name == 'crm.bulk_export_%d' && has(args.limit) && args.limit > 1000",
      "goal.tenant == 'tenant-%d' && tool.risk == 'high'",
      "'blocked-%d' in goal.labels && goal.labels['blocked-%1$d'] == 'true'",
      "tool.server == 'legacy-%d' && !tool.trusted",
      "budget.steps > 100 + %d && !tool.readOnly",
      "has(args.to) && args.to.endsWith('@competitor-%d.example')",
      "now.getHours('Europe/Berlin') == 3 && tool.name.startsWith('batch-%d.')",
      "agent.name == 'retired-agent-%d'",
    };
    for (int i = 0; i < count; i++) {
      String when = conditions[i % conditions.length].formatted(i);
      yaml.append("  - name: generated-")
          .append(i)
          .append("\n    priority: ")
          .append(200 + i)
          .append("\n    when: \"")
          .append(when)
          .append("\"\n    decision: deny\n    reason: generated rule ")
          .append(i)
          .append('\n');
    }
    return yaml.toString();
  }

  private static PolicyInput lastRuleOnly() {
    return new PolicyInput(
        PolicyInput.Kind.TOOL,
        "goal-1/step-3",
        new AgentFacts(
            "sdr",
            true,
            "sha256:0123",
            List.of("crm.lookup_account", "crm.find_contact", "email.send"),
            List.of("agent:writer", "human:sales")),
        new ToolFacts(
            "crm.lookup_account", true, true, false, true, false, null, "sales-tools", true, null),
        JsonMapper.builder()
            .build()
            .readTree("{\"account\":\"ACME\",\"fields\":[\"name\",\"owner\"]}"),
        false,
        null,
        new PolicyInput.Goal("goal-1", "acme", "alice", Map.of("region", "eu")),
        new PolicyInput.Budget(2, 2, Duration.ofMinutes(3)),
        new PolicyInput.Context(Set.of(), Set.of()),
        Instant.parse("2026-01-05T10:00:00Z"));
  }
}
