package dev.switchboard.contracts.catalog;

import dev.switchboard.contracts.EventCodec;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Sample tool catalog entries for tests. */
public final class ToolEntries {
  private static final EventCodec CODEC = new EventCodec();
  static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

  private ToolEntries() {}

  public static ToolEntry lookup() {
    return new ToolEntry(
        "crm.lookup_account",
        "Finds an account by name",
        schema(
            "{\"type\":\"object\",\"properties\":{\"account\":{\"type\":\"string\"}},"
                + "\"required\":[\"account\"]}"),
        ToolEntry.Annotations.READ_ONLY,
        true,
        "sales",
        AT);
  }

  public static ToolEntry send() {
    return new ToolEntry(
        "email.send",
        "Sends an email",
        schema("{\"type\":\"object\"}"),
        new ToolEntry.Annotations(false, false, false, true),
        true,
        "sales",
        AT);
  }

  public static ToolEntry untrusted() {
    return new ToolEntry(
        "everything.echo", null, null, ToolEntry.Annotations.CAUTIOUS, false, "everything", AT);
  }

  public static List<ToolEntry> all() {
    return List.of(lookup(), send(), untrusted());
  }

  static JsonNode schema(String json) {
    return CODEC.mapper().readTree(json);
  }
}
