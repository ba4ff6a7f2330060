package dev.switchboard.contracts;

import dev.switchboard.contracts.catalog.CatalogEntry;
import dev.switchboard.contracts.catalog.CatalogTopic;
import dev.switchboard.contracts.event.SwitchboardEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events to and from their JSON wire form ({@code type} discriminator, {@code schemaVersion},
 * unknown fields ignored). Decoding failures carry a reason fit for a dead-letter header.
 */
public final class EventCodec {
  /**
   * Larger records are rejected before parsing. Below the broker's default {@code
   * message.max.bytes} (1048588) with room for the headers a dead letter adds, so any record within
   * the limit can be dead-lettered whole.
   */
  public static final int DEFAULT_MAX_EVENT_BYTES = 1_000_000;

  private final JsonMapper mapper;
  private final int maxEventBytes;

  public EventCodec() {
    this(DEFAULT_MAX_EVENT_BYTES);
  }

  public EventCodec(int maxEventBytes) {
    this.mapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    this.maxEventBytes = maxEventBytes;
  }

  /** The largest record value {@link #decode} takes. */
  public int maxEventBytes() {
    return maxEventBytes;
  }

  public JsonMapper mapper() {
    return mapper;
  }

  public byte[] encode(SwitchboardEvent event) {
    return mapper.writeValueAsBytes(event);
  }

  public <E extends SwitchboardEvent> E decode(Topic<E> topic, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new MalformedEventException("empty record value");
    }
    if (bytes.length > maxEventBytes) {
      throw new MalformedEventException(
          "record of " + bytes.length + " bytes exceeds the limit of " + maxEventBytes);
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(bytes);
    } catch (JacksonException e) {
      throw new MalformedEventException("not valid JSON: " + firstLine(messageOf(e)), e);
    }
    checkSchemaVersion(tree);
    try {
      return mapper.treeToValue(tree, topic.valueType());
    } catch (InvalidTypeIdException e) {
      String typeId = e.getTypeId();
      throw new MalformedEventException(
          typeId == null
              ? "missing 'type' for topic " + topic.baseName()
              : "unknown type '" + typeId + "' for topic " + topic.baseName(),
          e);
    } catch (JacksonException e) {
      throw new MalformedEventException(reasonOf(e), e);
    }
  }

  /** A catalog entry's wire form (the value of its compacted topic's record). */
  public byte[] encode(CatalogEntry entry) {
    return mapper.writeValueAsBytes(entry);
  }

  /**
   * A catalog entry from its record value; a tombstone (null value) is not an entry, so the caller
   * handles it before.
   *
   * @throws MalformedEventException with a reason naming the catalog and the failing field
   */
  public <E extends CatalogEntry> E decode(CatalogTopic<E> catalog, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new MalformedEventException("empty " + catalog.baseName() + " entry");
    }
    if (bytes.length > maxEventBytes) {
      throw new MalformedEventException(
          catalog.baseName()
              + " entry of "
              + bytes.length
              + " bytes exceeds the limit of "
              + maxEventBytes);
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(bytes);
    } catch (JacksonException e) {
      throw new MalformedEventException(
          catalog.baseName() + " entry is not valid JSON: " + firstLine(messageOf(e)), e);
    }
    checkSchemaVersion(tree);
    try {
      return mapper.treeToValue(tree, catalog.valueType());
    } catch (JacksonException e) {
      throw new MalformedEventException(catalog.baseName() + " entry: " + reasonOf(e), e);
    }
  }

  /** The event's type name as written on the wire, for the event-type header. */
  public static String typeName(SwitchboardEvent event) {
    return event.getClass().getSimpleName();
  }

  /** JSON with object keys sorted at every level, so equal content gives equal bytes. */
  public byte[] canonicalBytes(JsonNode node) {
    return mapper.writeValueAsBytes(sorted(node));
  }

  private static Object sorted(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> fields = new TreeMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        fields.put(field.getKey(), sorted(field.getValue()));
      }
      return fields;
    }
    if (node.isArray()) {
      List<Object> items = new ArrayList<>();
      for (JsonNode item : node.values()) {
        items.add(sorted(item));
      }
      return items;
    }
    return node;
  }

  private static void checkSchemaVersion(JsonNode tree) {
    if (tree == null || !tree.isObject()) {
      throw new MalformedEventException("record value is not a JSON object");
    }
    JsonNode version = tree.get("schemaVersion");
    if (version != null
        && !version.isNull()
        && (!version.isIntegralNumber()
            || !version.canConvertToInt()
            || version.intValue() < 1
            || version.intValue() > SwitchboardEvent.SCHEMA_VERSION)) {
      throw new MalformedEventException(
          "unsupported schemaVersion "
              + version
              + " (this build reads up to "
              + SwitchboardEvent.SCHEMA_VERSION
              + ")");
    }
  }

  /**
   * The constructor's own complaint ("goalId is required") when there is one, else Jackson's first
   * line; prefixed with the JSON path of the offending field when it is nested or has the wrong
   * type, e.g. {@code action: actionId is required} or {@code eventId: Cannot deserialize ...}.
   */
  private static String reasonOf(JacksonException e) {
    String reason = null;
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
        reason = cause.getMessage();
        break;
      }
    }
    if (reason == null) {
      reason = firstLine(messageOf(e));
    }
    String path = pathOf(e);
    return path.isEmpty() ? reason : path + ": " + reason;
  }

  private static String messageOf(JacksonException e) {
    String message = e.getOriginalMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  /** The JSON path of the failing value, like {@code action.dependsOn[1]}; empty at the root. */
  private static String pathOf(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
