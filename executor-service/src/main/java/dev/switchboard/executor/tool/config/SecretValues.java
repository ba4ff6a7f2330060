package dev.switchboard.executor.tool.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${env:NAME}} (an environment variable) and {@code ${secret:NAME}} (the file NAME in
 * the secrets directory, trimmed) into header values, environment values and URLs of the tool file.
 * Values are read when a connection or a call needs them and never logged: errors name the
 * reference only.
 */
public final class SecretValues {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|secret):([^}]*)}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private final Path secretsDir;
  private final Function<String, String> environment;

  /**
   * @param secretsDir where {@code ${secret:NAME}} files are; null: secret references are errors
   */
  public SecretValues(Path secretsDir, Function<String, String> environment) {
    this.secretsDir = secretsDir;
    this.environment = environment;
  }

  public static SecretValues fromEnvironment(Path secretsDir) {
    return new SecretValues(secretsDir, System::getenv);
  }

  /**
   * The text with every reference replaced by its value.
   *
   * @throws ToolsFileException when a reference cannot be filled
   */
  public String resolve(String text) {
    if (text == null) {
      return null;
    }
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String kind = matcher.group(1);
      String name = matcher.group(2);
      if (!NAME.matcher(name).matches()) {
        throw new ToolsFileException(
            "${" + kind + ":" + name + "} is no valid reference (letters, digits, '.', '_', '-')");
      }
      String value = kind.equals("env") ? fromEnvironment(name) : fromSecretFile(name);
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  private String fromEnvironment(String name) {
    String value = environment.apply(name);
    if (value == null) {
      throw new ToolsFileException("${env:" + name + "}: the environment variable is not set");
    }
    return value;
  }

  private String fromSecretFile(String name) {
    if (secretsDir == null) {
      throw new ToolsFileException(
          "${secret:"
              + name
              + "} needs switchboard.executor.tools.secrets-dir (environment"
              + " SWITCHBOARD_EXECUTOR_TOOLS_SECRETS_DIR)");
    }
    Path file = secretsDir.resolve(name);
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new ToolsFileException("${secret:" + name + "}: cannot read " + file);
    }
  }
}
