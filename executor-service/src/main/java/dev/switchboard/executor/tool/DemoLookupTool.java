package dev.switchboard.executor.tool;

import dev.switchboard.contracts.catalog.ToolEntry.Annotations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code demo.lookup}: finds an account's contact in a small directory shipped as a resource.
 * Read-only. Arguments {@code {"account"}}; output {@code {"account","contact","name"}}.
 */
public final class DemoLookupTool implements Tool {
  public static final String NAME = "demo.lookup";
  static final String DIRECTORY = "/demo-accounts.json";

  /** One entry of the directory. */
  record Account(String account, String contact, String name) {}

  private final Map<String, Account> byName;

  DemoLookupTool(List<Account> accounts) {
    this.byName =
        accounts.stream()
            .collect(Collectors.toUnmodifiableMap(a -> key(a.account()), Function.identity()));
  }

  /** The directory shipped with the executor. */
  public static DemoLookupTool withDemoAccounts(JsonMapper mapper) {
    try (InputStream in = DemoLookupTool.class.getResourceAsStream(DIRECTORY)) {
      if (in == null) {
        throw new IllegalStateException(DIRECTORY + " is missing from the classpath");
      }
      return new DemoLookupTool(List.of(mapper.readValue(in, Account[].class)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DIRECTORY, e);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean sideEffect() {
    return false;
  }

  @Override
  public ToolDescriptor descriptor() {
    ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
    schema
        .putObject("properties")
        .putObject("account")
        .put("type", "string")
        .put("description", "the account's name, any case");
    schema.putArray("required").add("account");
    return new ToolDescriptor(
        NAME,
        "Demo: finds the contact of an account in a small built-in directory",
        schema,
        Annotations.READ_ONLY,
        true,
        server());
  }

  @Override
  public JsonNode call(ToolCall call) throws ToolFailure {
    String requested = call.requiredText("account");
    Account account = byName.get(key(requested));
    if (account == null) {
      throw new ToolFailure("no account named '" + requested.strip() + "'");
    }
    return JsonNodeFactory.instance
        .objectNode()
        .put("account", account.account())
        .put("contact", account.contact())
        .put("name", account.name());
  }

  private static String key(String account) {
    return account.strip().toLowerCase(Locale.ROOT);
  }
}
