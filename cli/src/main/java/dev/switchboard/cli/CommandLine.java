package dev.switchboard.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One parsed invocation: {@code <command> [--option value | --option=value | --flag] [args]}.
 * Options may appear anywhere after the command; {@code --} ends them.
 */
record CommandLine(
    String command, Map<String, String> options, Set<String> flags, List<String> arguments) {

  /** Options that take no value. */
  static final Set<String> FLAGS = Set.of("yes", "until-done", "help", "all", "full");

  CommandLine {
    options = Map.copyOf(options);
    flags = Set.copyOf(flags);
    arguments = List.copyOf(arguments);
  }

  static CommandLine parse(String... args) {
    if (args.length == 0) {
      throw new UsageException("no command given");
    }
    Map<String, String> options = new LinkedHashMap<>();
    Set<String> flags = new LinkedHashSet<>();
    List<String> arguments = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (optionsEnded || !arg.startsWith("--")) {
        arguments.add(arg);
      } else if (arg.equals("--")) {
        optionsEnded = true;
      } else {
        String name = arg.substring(2);
        int equals = name.indexOf('=');
        if (equals >= 0) {
          options.put(name.substring(0, equals), name.substring(equals + 1));
        } else if (FLAGS.contains(name)) {
          flags.add(name);
        } else if (i + 1 < args.length) {
          options.put(name, args[++i]);
        } else {
          throw new UsageException("option --" + name + " needs a value");
        }
      }
    }
    return new CommandLine(args[0], options, flags, arguments);
  }

  /** Rejects options and arguments the command does not know, so typos do not pass silently. */
  CommandLine allowing(Set<String> knownOptions, int maxArguments) {
    for (String name : options.keySet()) {
      if (!knownOptions.contains(name)) {
        throw new UsageException("'" + command + "' has no option --" + name);
      }
    }
    for (String flag : flags) {
      if (!knownOptions.contains(flag) && !flag.equals("help")) {
        throw new UsageException("'" + command + "' has no option --" + flag);
      }
    }
    if (arguments.size() > maxArguments) {
      throw new UsageException(
          "'" + command + "' takes at most " + maxArguments + " argument(s), got " + arguments);
    }
    return this;
  }

  Optional<String> option(String option) {
    return Optional.ofNullable(options.get(option)).filter(value -> !value.isBlank());
  }

  String option(String option, String fallback) {
    return option(option).orElse(fallback);
  }

  boolean flag(String flag) {
    return flags.contains(flag);
  }

  Duration duration(String option, Duration fallback) {
    return option(option).map(DurationArgument::parse).orElse(fallback);
  }

  String argument(int index, String what) {
    if (index >= arguments.size()) {
      throw new UsageException("'" + command + "' needs " + what);
    }
    return arguments.get(index);
  }
}
