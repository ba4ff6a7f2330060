package dev.switchboard.trace;

import dev.switchboard.contracts.EventCodec;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads only a journal's head (status, agent, holder, …) from its stored JSON, stopping before the
 * entries: listing goals then costs a few hundred bytes of parsing per goal, not the whole journal.
 * The edge stores {@code {"state": <journal>, "applied": [...]}}, and {@link Journal} writes its
 * head fields first.
 */
final class JournalHeads {
  private static final String STATE = "state";
  private static final Set<String> BODY = Set.of("entries", "names");

  private final JsonMapper mapper;

  JournalHeads(EventCodec codec) {
    this.mapper = codec.mapper();
  }

  /** The journal without its entries and names, or null when the stored goal has no journal. */
  Journal headOf(byte[] stored) {
    if (stored == null) {
      return null;
    }
    try (JsonParser parser = mapper.createParser(stored)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!STATE.equals(field)) {
          parser.skipChildren();
        } else {
          return value == JsonToken.START_OBJECT ? head(parser) : null;
        }
      }
      return null;
    }
  }

  private Journal head(JsonParser parser) {
    ObjectNode head = mapper.createObjectNode();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      if (BODY.contains(field)) {
        // The head fields come first; whatever follows the entries is not needed for a list.
        break;
      }
      head.set(field, parser.<tools.jackson.databind.JsonNode>readValueAsTree());
    }
    return mapper.treeToValue(head, Journal.class);
  }
}
