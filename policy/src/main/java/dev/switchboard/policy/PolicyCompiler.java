package dev.switchboard.policy;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compiles rule conditions with the CEL environment of {@link PolicyVariables}: every variable
 * declared with its type, the result must be a bool, the standard macros ({@code has}, {@code
 * exists}, {@code all}) and the strings and sets extensions. Type errors and typos fail here, at
 * load, not at decision time.
 */
final class PolicyCompiler {
  private static final Cel CEL = environment();

  private PolicyCompiler() {}

  private static Cel environment() {
    var builder =
        CelFactory.standardCelBuilder()
            .setOptions(
                CelOptions.current()
                    // 3 > 2.5 is true, as a policy author expects; JSON numbers are int or double.
                    .enableHeterogeneousNumericComparisons(true)
                    .build())
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(CelExtensions.strings(), CelExtensions.sets(CelOptions.DEFAULT))
            .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.sets(CelOptions.DEFAULT))
            .setResultType(SimpleType.BOOL);
    for (PolicyVariables.Variable variable : PolicyVariables.ALL) {
      builder.addVar(variable.name(), variable.type());
    }
    return builder.build();
  }

  /** The rule's program, or null with a problem naming the file, line and expression. */
  static CelRuntime.Program compile(String file, PolicyRule rule, List<PolicyProblem> problems) {
    CelValidationResult result = CEL.compile(rule.when());
    if (result.hasError()) {
      for (CelIssue issue : result.getErrors()) {
        int line = rule.whenLine() + Math.max(issue.getSourceLocation().getLine(), 1) - 1;
        problems.add(
            new PolicyProblem(
                file,
                line,
                rule.when(),
                "rule '"
                    + rule.name()
                    + "': "
                    + issue.getMessage()
                    + hint(issue.getMessage())
                    + " (column "
                    + (issue.getSourceLocation().getColumn() + 1)
                    + " of the expression)"));
      }
      return null;
    }
    try {
      return CEL.createProgram(result.getAst());
    } catch (Exception e) {
      problems.add(
          new PolicyProblem(
              file, rule.whenLine(), rule.when(), "rule '" + rule.name() + "': " + e.getMessage()));
      return null;
    }
  }

  /** Evaluates a compiled condition; a CEL error (a missing argument, say) is passed on. */
  static boolean holds(CelRuntime.Program program, CelVariableResolver variables)
      throws CelEvaluationException {
    return Boolean.TRUE.equals(program.eval(variables));
  }

  /** A typo in a variable reads "undeclared reference to 'tool'": list what there is. */
  private static String hint(String message) {
    if (!message.startsWith("undeclared reference")) {
      return "";
    }
    return "; the variables are "
        + PolicyVariables.ALL.stream()
            .map(PolicyVariables.Variable::name)
            .collect(Collectors.joining(", "));
  }
}
