package dev.switchboard.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard secrets init --dir <d>}: the picocli front of {@link SecretsInit}. */
@Command(
    name = "secrets",
    description = "Make the secrets a deployment needs (bin/switchboard up, compose, Kubernetes).",
    subcommands = SecretsCommand.Init.class,
    mixinStandardHelpOptions = true)
final class SecretsCommand {

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = {
        "Write every secret once into a directory (kept if there): the action signing key;",
        "operator, peer and tool-server tokens; the inbox's people and service token with their",
        "hashes in handoff.properties; an Ed25519 event key per writing service; per reader the",
        "public keys of the writers it reads (event-keys/trusted/<service>); kustomization.yaml",
        "for kubectl apply -k. Prints file names only, never a value."
      })
  static final class Init implements Callable<Integer> {
    private final PrintStream out;

    @Option(names = "--dir", required = true, description = "where the secrets go")
    Path dir;

    @Option(
        names = "--user",
        split = ",",
        defaultValue = "approver,requester",
        description = "the inbox's people (default: ${DEFAULT-VALUE})")
    List<String> users;

    @Option(
        names = "--service-token",
        defaultValue = "handoff-consumer",
        description = "name of the example consumer's token (default: ${DEFAULT-VALUE})")
    String serviceToken;

    @Option(
        names = "--role",
        defaultValue = "approvers",
        description = "role of the people and the token (default: ${DEFAULT-VALUE})")
    String role;

    @Option(
        names = "--namespace",
        defaultValue = "switchboard-local",
        description = "namespace in kustomization.yaml (default: ${DEFAULT-VALUE})")
    String namespace;

    @Option(
        names = "--container-readable",
        description = "files readable by the containers' user (0644) for compose; else 0600")
    boolean containerReadable;

    Init(PrintStream out) {
      this.out = out;
    }

    @Override
    public Integer call() {
      for (String name : users) {
        requireName(name, "--user");
      }
      requireName(serviceToken, "--service-token");
      SecretsInit.Report report =
          new SecretsInit(
                  dir,
                  new SecretsInit.Settings(
                      List.copyOf(users), serviceToken, role, namespace, containerReadable),
                  new SecureRandom())
              .run();
      out.println("secrets in " + dir + " (kubectl apply -k " + dir + " for Kubernetes)");
      report.made().forEach(name -> out.println("  made  " + name));
      report.kept().forEach(name -> out.println("  kept  " + name));
      return ExitCode.OK;
    }

    private static void requireName(String name, String option) {
      if (!name.matches("[a-z0-9][a-z0-9._-]{0,62}")) {
        throw new UsageException(option + " must be a lower-case name, not '" + name + "'");
      }
    }
  }

  /** Runs {@code secrets ...} with the CLI's exit codes (64 for a bad command line). */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    picocli.CommandLine line =
        new picocli.CommandLine(new SecretsCommand(), new Factory(out))
            .setOut(new java.io.PrintWriter(out, true))
            .setErr(new java.io.PrintWriter(err, true))
            .setParameterExceptionHandler(
                (problem, ignored) -> {
                  err.println("switchboard: " + problem.getMessage());
                  problem.getCommandLine().usage(err);
                  return ExitCode.USAGE;
                })
            .setExecutionExceptionHandler(
                (problem, ignored, parsed) -> {
                  err.println("switchboard: " + problem.getMessage());
                  return problem instanceof UsageException ? ExitCode.USAGE : ExitCode.FAILED;
                });
    if (args.isEmpty()) {
      line.usage(err);
      return ExitCode.USAGE;
    }
    return line.execute(args.toArray(String[]::new));
  }

  /** Hands the CLI's output stream to the subcommand. */
  private record Factory(PrintStream out) implements picocli.CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == Init.class) {
        return type.cast(new Init(out));
      }
      return picocli.CommandLine.defaultFactory().create(type);
    }
  }
}
