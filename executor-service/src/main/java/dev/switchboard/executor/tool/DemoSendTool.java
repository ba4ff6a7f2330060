package dev.switchboard.executor.tool;

import dev.switchboard.contracts.catalog.ToolEntry.Annotations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code demo.send}: "sends" a message by appending one JSON line to {@code outbox.jsonl}, so a
 * demo shows a real, inspectable effect. Idempotent by actionId: a second call with the same
 * actionId appends nothing and answers as the first did. Arguments {@code {"to","subject","body"}};
 * output {@code {"messageId","deliveredTo"}}.
 */
public final class DemoSendTool implements Tool {
  public static final String NAME = "demo.send";
  public static final String OUTBOX_FILE = "outbox.jsonl";
  private static final Logger log = LoggerFactory.getLogger(DemoSendTool.class);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

  /** One line of the outbox. */
  record SentMessage(String actionId, String to, String subject, String body, Instant sentAt) {}

  private final Path outbox;
  private final JsonMapper mapper;
  private final Clock clock;

  public DemoSendTool(Path outboxDir, JsonMapper mapper, Clock clock) {
    this.outbox = outboxDir.resolve(OUTBOX_FILE);
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean sideEffect() {
    return true;
  }

  @Override
  public ToolDescriptor descriptor() {
    ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("to").put("type", "string").put("format", "email");
    properties.putObject("subject").put("type", "string");
    properties.putObject("body").put("type", "string");
    schema.putArray("required").add("to").add("subject").add("body");
    return new ToolDescriptor(
        NAME,
        "Demo: \"sends\" a message by appending it to outbox.jsonl, once per action id",
        schema,
        new Annotations(false, false, false, true),
        true,
        server());
  }

  public Path outbox() {
    return outbox;
  }

  @Override
  public JsonNode call(ToolCall call) throws ToolFailure {
    String to = call.requiredText("to").strip();
    if (!EMAIL.matcher(to).matches()) {
      throw new ToolFailure("argument 'to' is not an email address");
    }
    String subject = call.requiredText("subject");
    String body = call.requiredText("body");
    SentMessage sent =
        sendOnce(new SentMessage(call.actionId(), to, subject, body, clock.instant()));
    return JsonNodeFactory.instance
        .objectNode()
        .put("messageId", messageIdOf(sent.actionId()))
        .put("deliveredTo", sent.to());
  }

  /** Derived from the actionId, so a repeated call answers with the id of the first. */
  static String messageIdOf(String actionId) {
    return "msg-"
        + UUID.nameUUIDFromBytes(("demo.send:" + actionId).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Check and append under one lock (in this JVM and, through the file lock, across processes on
   * this machine), so two calls with one actionId cannot both append.
   */
  private synchronized SentMessage sendOnce(SentMessage message) {
    try {
      Files.createDirectories(outbox.getParent());
      try (FileChannel channel =
          FileChannel.open(
              outbox,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE)) {
        channel.lock(); // released when the channel closes
        Optional<SentMessage> earlier = sentEarlier(message.actionId());
        if (earlier.isPresent()) {
          log.info("{} already sent for action {}; not sending again", NAME, message.actionId());
          return earlier.get();
        }
        append(channel, mapper.writeValueAsString(message));
        return message;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the outbox " + outbox, e);
    }
  }

  private Optional<SentMessage> sentEarlier(String actionId) throws IOException {
    for (String line : Files.readAllLines(outbox, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        SentMessage sent = mapper.readValue(line, SentMessage.class);
        if (actionId.equals(sent.actionId())) {
          return Optional.of(sent);
        }
      } catch (JacksonException e) {
        log.warn("skipping an unreadable line in {}", outbox);
      }
    }
    return Optional.empty();
  }

  /** A line cut short by a crash is closed first, so the new line stays readable. */
  private static void append(FileChannel channel, String json) throws IOException {
    long size = channel.size();
    String prefix = "";
    if (size > 0) {
      ByteBuffer last = ByteBuffer.allocate(1);
      channel.read(last, size - 1);
      prefix = last.get(0) == '\n' ? "" : "\n";
    }
    ByteBuffer line = ByteBuffer.wrap((prefix + json + "\n").getBytes(StandardCharsets.UTF_8));
    channel.position(size);
    while (line.hasRemaining()) {
      channel.write(line);
    }
    channel.force(false);
  }
}
