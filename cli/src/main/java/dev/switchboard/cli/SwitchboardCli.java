package dev.switchboard.cli;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.EventKeys;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code switchboard} command line: submit goals, follow them, answer the inbox. */
public final class SwitchboardCli {
  static final String DEFAULT_BOOTSTRAP = "localhost:9092";
  static final String DEFAULT_TRACE_URL = "http://localhost:8085";
  static final String DEFAULT_HANDOFF_URL = "http://localhost:8084";
  static final String TOKEN_VARIABLE = "SWITCHBOARD_OPERATOR_TOKEN";
  static final String SERVICE_TOKEN_VARIABLE = "SWITCHBOARD_TOKEN";
  static final String USER_VARIABLE = "SWITCHBOARD_USER";
  static final String PASSWORD_VARIABLE = "SWITCHBOARD_PASSWORD";
  static final String JAEGER_VARIABLE = "SWITCHBOARD_JAEGER_URL";
  private static final Set<String> HELP = Set.of("help", "--help", "-h");

  static final String USAGE =
      """
      usage: switchboard-cli <command> [options]

        submit '<json or text>'   submit a goal (JSON: a GoalSubmitted body; text: its description)
            [--bootstrap host:port] [--prefix p] [--agent a] [--user u]   prints the goalId;
            the signed-in user (--user or $SWITCHBOARD_USER) becomes the goal's requestedBy
        follow <goalId>           print the goal's journal as it grows
            [--trace-url url] [login] [--until-done] [--timeout 120s]
            stops when the goal ends or, without --until-done, when it waits for a person
        demo                      run the sales goal (agent sdr): its handoffs, approvals, outcome
            [--bootstrap ..] [--trace-url ..] [--handoff-url ..] [login] [--yes] [--timeout 180s]
            [--jaeger-url url]        also print the goal's trace in Jaeger
        inbox                     list pending escalations    [--handoff-url ..] [login]
        approve <escalationId>    approve      [--handoff-url ..] [login] [--reason r]
        deny <escalationId>       deny         [--handoff-url ..] [login] [--reason r]
        kafka-ready               wait until Kafka answers     [--bootstrap ..] [--timeout 60s]
        policy test <policy> <cases>
                                  decide each case with the guardrail's policy engine; print
                                  decision and rule; exit 1 on any mismatch (policy: file or dir)
        hash-password             read a password on stdin, print its bcrypt hash (for users)
        event-keys <dir>          make an Ed25519 event-signing key per writing service (kept if
                                  there) and <dir>/trusted-keys with their public keys
        secrets init --dir <d>    every secret of a deployment, once (see: secrets init --help):
                                  keys, tokens, people, trusted keys, kustomization.yaml
        dlq list <topic>          dead letters of a topic: position, consumer, source, size, reason
        dlq show <topic> <partition@offset>   one in full: headers and payload  [--full]
        dlq replay <topic> <partition@offset>... | --all
                                  write them back to their topic, checked again (a reference, an
                                  ActionRequested or a still-invalid record is refused: exit 1)
            [--bootstrap ..] [--prefix p]

      login: --token t (a service token), or --user u with --password-file f; else from
             $SWITCHBOARD_TOKEN, $SWITCHBOARD_OPERATOR_TOKEN, or $SWITCHBOARD_USER with
             $SWITCHBOARD_PASSWORD
      defaults: --bootstrap localhost:9092, --trace-url http://localhost:8085,
                --handoff-url http://localhost:8084,
                --jaeger-url from $SWITCHBOARD_JAEGER_URL (none: no trace link)
      exit codes: 0 done/completed/all cases pass, 1 failed/denied/error/mismatch, 2 timed out,
                  64 bad command line
      """;

  private final java.io.InputStream in;
  private final PrintStream out;
  private final Map<String, String> environment;
  private final Clock clock = Clock.systemUTC();
  private final ZoneId zone = ZoneId.systemDefault();
  private final JsonHttp http = new JsonHttp();

  SwitchboardCli(java.io.InputStream in, PrintStream out, Map<String, String> environment) {
    this.in = in;
    this.out = out;
    this.environment = environment;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err, System.getenv()));
  }

  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return run(args, java.io.InputStream.nullInputStream(), out, err, env);
  }

  static int run(
      String[] args,
      java.io.InputStream in,
      PrintStream out,
      PrintStream err,
      Map<String, String> env) {
    try {
      if (args.length == 0) {
        err.print(USAGE);
        return ExitCode.USAGE;
      }
      if (args[0].equals("secrets")) {
        return SecretsCommand.run(List.of(args).subList(1, args.length), out, err);
      }
      CommandLine line = CommandLine.parse(args);
      if (HELP.contains(line.command()) || line.flag("help")) {
        out.print(USAGE);
        return ExitCode.OK;
      }
      return new SwitchboardCli(in, out, env).dispatch(line);
    } catch (UsageException e) {
      err.println("switchboard: " + e.getMessage() + " (see: switchboard-cli --help)");
      return ExitCode.USAGE;
    } catch (CommandFailedException e) {
      err.println("switchboard: " + e.getMessage());
      return ExitCode.FAILED;
    } finally {
      out.flush();
    }
  }

  private int dispatch(CommandLine line) {
    return switch (line.command()) {
      case "submit" -> submit(line.allowing(Set.of("bootstrap", "prefix", "agent", "user"), 1));
      case "follow" ->
          follow(
              line.allowing(
                  Set.of("trace-url", "until-done", "timeout", "token", "user", "password-file"),
                  1));
      case "demo" ->
          demo(
              line.allowing(
                  Set.of(
                      "bootstrap",
                      "prefix",
                      "trace-url",
                      "handoff-url",
                      "token",
                      "user",
                      "password-file",
                      "yes",
                      "timeout",
                      "jaeger-url"),
                  0));
      case "inbox" ->
          listInbox(line.allowing(Set.of("handoff-url", "token", "user", "password-file"), 0));
      case "approve", "deny" ->
          decide(
              line.allowing(
                  Set.of("handoff-url", "token", "user", "password-file", "reason", "comment"), 1));
      case "hash-password" -> hashPassword(line.allowing(Set.of(), 0));
      case "kafka-ready" ->
          KafkaReadiness.await(
              line.allowing(Set.of("bootstrap", "timeout"), 0)
                  .option("bootstrap", DEFAULT_BOOTSTRAP),
              line.duration("timeout", Duration.ofSeconds(60)),
              out,
              clock);
      case "policy" -> policy(line.allowing(Set.of(), 3));
      case "event-keys" -> eventKeys(line.allowing(Set.of(), 1));
      case "dlq" -> deadLetters(line.allowing(Set.of("bootstrap", "prefix", "all", "full"), 64));
      default -> throw new UsageException("unknown command '" + line.command() + "'");
    };
  }

  private int submit(CommandLine line) {
    GoalSubmitted goal =
        GoalSubmission.parse(
            line.argument(0, "a goal: JSON or a description"),
            line.option("agent").orElse(null),
            line.option("user").or(() -> variable(USER_VARIABLE)).orElse(null),
            new EventCodec());
    try (KafkaGoalSubmitter submitter = kafka(line)) {
      out.println(submitter.submit(goal));
    }
    return ExitCode.OK;
  }

  private int follow(CommandLine line) {
    String goalId = line.argument(0, "a goalId");
    Duration timeout = line.duration("timeout", Duration.ofSeconds(120));
    TraceClient trace = trace(line);
    Optional<GoalJournal> end = follower(trace).follow(goalId, line.flag("until-done"), timeout);
    if (end.isEmpty()) {
      out.println("Goal " + goalId + " did not finish within " + timeout.toSeconds() + " s");
      out.println("Journal: " + trace.journalUri(goalId));
      return ExitCode.TIMED_OUT;
    }
    GoalJournal journal = end.get();
    if (!journal.status().ended()) {
      out.println("Goal " + goalId + " waits for a person: bin/switchboard inbox");
      return ExitCode.OK;
    }
    out.println(new JournalLineFormat(zone).ending(journal));
    out.println("Journal: " + trace.journalUri(goalId));
    return journal.status() == GoalStatus.COMPLETED ? ExitCode.OK : ExitCode.FAILED;
  }

  private int demo(CommandLine line) {
    TraceClient trace = trace(line);
    EscalationFormat escalationFormat = new EscalationFormat(zone);
    try (KafkaGoalSubmitter submitter = kafka(line)) {
      return new DemoRun(
              submitter,
              trace,
              follower(trace),
              inboxClient(line),
              ApprovalPrompt.forThisProcess(line.flag("yes"), out, escalationFormat),
              new JournalLineFormat(zone),
              out,
              clock,
              jaegerUrl(line))
          .run(line.duration("timeout", Duration.ofSeconds(180)));
    }
  }

  private int listInbox(CommandLine line) {
    List<Escalation> pending = inboxClient(line).pending();
    EscalationFormat format = new EscalationFormat(zone);
    pending.forEach(item -> out.println(format.line(item)));
    out.println(pending.size() + " pending");
    return ExitCode.OK;
  }

  private int decide(CommandLine line) {
    String escalationId = line.argument(0, "an escalationId");
    String note = line.option("reason").or(() -> line.option("comment")).orElse(null);
    if (line.command().equals("approve")) {
      inboxClient(line)
          .approve(escalationId, note == null ? "approved from the switchboard CLI" : note);
      out.println("Approved " + escalationId);
    } else {
      inboxClient(line).deny(escalationId, note == null ? "denied from the switchboard CLI" : note);
      out.println("Denied " + escalationId);
    }
    return ExitCode.OK;
  }

  private int policy(CommandLine line) {
    if (!line.argument(0, "a subcommand: test").equals("test")) {
      throw new UsageException("'policy' knows only 'test', not '" + line.arguments().get(0) + "'");
    }
    return new PolicyTestRun(out)
        .run(
            Path.of(line.argument(1, "a policy file or directory")),
            Path.of(line.argument(2, "a cases file")));
  }

  /** For bin/switchboard up: a key pair per writing service, kept if there already. */
  private int eventKeys(CommandLine line) {
    Path dir = Path.of(line.argument(0, "a directory for the keys"));
    List<Service> writers =
        java.util.Arrays.stream(Service.values())
            .filter(service -> service != Service.GOAL_PRODUCERS)
            .filter(service -> !Topics.writtenBy(service).isEmpty())
            .toList();
    EventKeys.generateMissing(dir, writers);
    out.println("event-signing keys of " + writers + " in " + dir);
    return ExitCode.OK;
  }

  private int deadLetters(CommandLine line) {
    String action = line.argument(0, "a subcommand: list, show or replay");
    String topic = line.argument(1, "a topic, e.g. goals");
    TopicNames names = new TopicNames(line.option("prefix", ""));
    try (KafkaDeadLetters store =
        new KafkaDeadLetters(line.option("bootstrap", DEFAULT_BOOTSTRAP))) {
      DeadLetterCommands commands =
          new DeadLetterCommands(store, new DeadLetterReplay(names, new EventCodec()), names, out);
      List<String> rest = line.arguments().subList(2, line.arguments().size());
      return switch (action) {
        case "list" -> commands.list(topic);
        case "show" ->
            commands.show(
                topic, line.argument(2, "a dead letter: <partition>@<offset>"), line.flag("full"));
        case "replay" -> commands.replay(topic, rest, line.flag("all"));
        default ->
            throw new UsageException("'dlq' knows list, show and replay, not '" + action + "'");
      };
    }
  }

  private KafkaGoalSubmitter kafka(CommandLine line) {
    return new KafkaGoalSubmitter(
        line.option("bootstrap", DEFAULT_BOOTSTRAP), line.option("prefix", ""));
  }

  private TraceClient trace(CommandLine line) {
    return new TraceClient(line.option("trace-url", DEFAULT_TRACE_URL), login(line), http);
  }

  private JournalFollower follower(TraceClient trace) {
    return new JournalFollower(
        trace, new JournalLineFormat(zone), out, clock, JournalFollower.DEFAULT_TICK);
  }

  /** From --jaeger-url or $SWITCHBOARD_JAEGER_URL; empty when neither is set. */
  private Optional<String> jaegerUrl(CommandLine line) {
    return line.option("jaeger-url")
        .or(() -> Optional.ofNullable(environment.get(JAEGER_VARIABLE)))
        .filter(value -> !value.isBlank())
        .map(url -> ServiceUrl.normalize(url, "--jaeger-url"));
  }

  private InboxClient inboxClient(CommandLine line) {
    return new InboxClient(line.option("handoff-url", DEFAULT_HANDOFF_URL), login(line), http);
  }

  /** Options first, then the environment; a token before a user's password. */
  private InboxLogin login(CommandLine line) {
    Optional<String> token = line.option("token");
    if (token.isPresent()) {
      return new InboxLogin.Token(token.get());
    }
    Optional<String> user = line.option("user");
    if (user.isPresent()) {
      return new InboxLogin.Password(user.get(), password(line));
    }
    Optional<String> tokenFromEnvironment =
        variable(SERVICE_TOKEN_VARIABLE).or(() -> variable(TOKEN_VARIABLE));
    if (tokenFromEnvironment.isPresent()) {
      return new InboxLogin.Token(tokenFromEnvironment.get());
    }
    Optional<String> userFromEnvironment = variable(USER_VARIABLE);
    if (userFromEnvironment.isPresent() && variable(PASSWORD_VARIABLE).isPresent()) {
      return new InboxLogin.Password(userFromEnvironment.get(), variable(PASSWORD_VARIABLE).get());
    }
    throw new UsageException(
        "'"
            + line.command()
            + "' needs a login: --token, or --user with --password-file (or $"
            + SERVICE_TOKEN_VARIABLE
            + ", $"
            + TOKEN_VARIABLE
            + ", $"
            + USER_VARIABLE
            + " with $"
            + PASSWORD_VARIABLE
            + ")");
  }

  private String password(CommandLine line) {
    Optional<String> file = line.option("password-file");
    if (file.isPresent()) {
      try {
        return java.nio.file.Files.readString(java.nio.file.Path.of(file.get())).strip();
      } catch (java.io.IOException e) {
        throw new UsageException("cannot read --password-file " + file.get() + ": " + e);
      }
    }
    return variable(PASSWORD_VARIABLE)
        .orElseThrow(
            () ->
                new UsageException(
                    "--user needs its password: --password-file or $" + PASSWORD_VARIABLE));
  }

  private Optional<String> variable(String name) {
    return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
  }

  /** For bin/switchboard's generated users: the password comes on stdin, never as an argument. */
  private int hashPassword(CommandLine line) {
    String password;
    try {
      password = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    } catch (java.io.IOException e) {
      throw new CommandFailedException("cannot read the password from stdin: " + e, e);
    }
    if (password.length() < 12) {
      throw new UsageException("a password needs at least 12 characters");
    }
    out.println(
        org.springframework.security.crypto.bcrypt.BCrypt.hashpw(
            password, org.springframework.security.crypto.bcrypt.BCrypt.gensalt()));
    return ExitCode.OK;
  }
}
