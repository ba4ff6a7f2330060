package dev.switchboard.e2e;

import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.edge.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A hostile producer's records of every kind the issue names, spread over Switchboard's eight
 * topics, each remembered by where it landed (topic, partition, offset) so its dead letters can be
 * counted per consuming application.
 */
final class BadRecords implements AutoCloseable {
  /** Every {@value #OVERSIZED_EVERY}th record is ~1.5 MB (there are a few, as in the issue). */
  static final int OVERSIZED_EVERY = 1000;

  static final int OVERSIZED_BYTES = 1_500_000;

  /**
   * Who consumes each topic (the Kafka Streams application ids): each dead-letters its own copy.
   */
  static final Map<String, List<String>> CONSUMERS =
      Map.of(
          "goals", List.of("switchboard-planner", "switchboard-guardrail", "switchboard-trace"),
          "plan", List.of("switchboard-guardrail", "switchboard-trace"),
          "verdict", List.of("switchboard-planner", "switchboard-handoff", "switchboard-trace"),
          "action-request", List.of("switchboard-executor", "switchboard-trace"),
          "action-result",
              List.of("switchboard-planner", "switchboard-guardrail", "switchboard-trace"),
          "escalation", List.of("switchboard-handoff", "switchboard-trace"),
          "resolution",
              List.of(
                  "switchboard-planner",
                  "switchboard-guardrail",
                  "switchboard-handoff",
                  "switchboard-trace"),
          // The executor, the guardrail and the inbox read outcomes to forget ended goals.
          "outcome",
              List.of(
                  "switchboard-executor",
                  "switchboard-guardrail",
                  "switchboard-handoff",
                  "switchboard-trace"));

  enum Kind {
    MALFORMED,
    UNKNOWN_TYPE,
    MISSING_FIELDS,
    SCHEMA_VERSION_99,
    KEY_NOT_GOAL_ID,
    BINARY,
    EMPTY,
    NULL_KEY,
    OVERSIZED,
    /** Unsigned, wrongly signed or replayed onto another partition (the forgery scenario). */
    FORGED
  }

  /** Where a bad record landed. */
  record Sent(String topic, int partition, long offset, Kind kind) {}

  private final String bootstrapServers;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Random random = new Random(21);
  private final KafkaProducer<byte[], byte[]> producer;

  BadRecords(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                4 * 1024 * 1024,
                ProducerConfig.LINGER_MS_CONFIG,
                20),
            new ByteArraySerializer(),
            new ByteArraySerializer());
  }

  /**
   * Lets the topics take ~1.5 MB records, as an operator who raised {@code max.message.bytes}
   * would: the case where forwarding such a record whole fails in the service.
   */
  void allowOversizedRecords() throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Map<ConfigResource, java.util.Collection<AlterConfigOp>> changes = new HashMap<>();
      for (Topic<?> topic : Topics.ALL) {
        changes.put(
            new ConfigResource(ConfigResource.Type.TOPIC, topic.baseName()),
            List.of(
                new AlterConfigOp(
                    new ConfigEntry("max.message.bytes", Integer.toString(2 * 1024 * 1024)),
                    AlterConfigOp.OpType.SET)));
      }
      admin.incrementalAlterConfigs(changes).all().get();
    }
  }

  /**
   * Sends {@code count} bad records round-robin over the topics and kinds, each kind made from a
   * real record of that topic ({@code samples}, by topic) so only the one flaw is wrong.
   */
  List<Sent> send(int count, Map<String, byte[]> samples) throws Exception {
    List<String> topics = Topics.ALL.stream().map(Topic::baseName).toList();
    Kind[] kinds = {
      Kind.MALFORMED,
      Kind.UNKNOWN_TYPE,
      Kind.MISSING_FIELDS,
      Kind.SCHEMA_VERSION_99,
      Kind.KEY_NOT_GOAL_ID,
      Kind.BINARY,
      Kind.EMPTY,
      Kind.NULL_KEY
    };
    List<Future<RecordMetadata>> futures = new ArrayList<>();
    List<Kind> sentKinds = new ArrayList<>();
    // A few oversized ones however small the flood (one in 1000; at least two).
    int oversizedEvery = Math.max(2, Math.min(OVERSIZED_EVERY, count / 2));
    for (int i = 0; i < count; i++) {
      String topic = topics.get(i % topics.size());
      Kind kind =
          i % oversizedEvery == oversizedEvery - 1
              ? Kind.OVERSIZED
              : kinds[(i / topics.size()) % kinds.length];
      String goalId = "flood-" + i;
      ObjectNode sample = (ObjectNode) json.readTree(samples.get(topic));
      sample.put("goalId", goalId);
      byte[] key = goalId.getBytes(StandardCharsets.UTF_8);
      byte[] value =
          switch (kind) {
            case MALFORMED ->
                ("{\"type\":\"" + i + "\", not json").getBytes(StandardCharsets.UTF_8);
            case UNKNOWN_TYPE -> bytes(sample.put("type", "Teleported"));
            case MISSING_FIELDS -> bytes(keepOnly(sample, "type", "goalId"));
            case SCHEMA_VERSION_99 -> bytes(sample.put("schemaVersion", 99));
            case KEY_NOT_GOAL_ID -> {
              key = ("not-" + goalId).getBytes(StandardCharsets.UTF_8);
              yield bytes(sample);
            }
            case BINARY -> randomBytes(64 + i % 512);
            case EMPTY -> new byte[0];
            case NULL_KEY -> {
              key = null;
              yield bytes(sample);
            }
            case OVERSIZED, FORGED -> {
              sample.put("padding", "x".repeat(OVERSIZED_BYTES));
              yield bytes(sample);
            }
          };
      futures.add(producer.send(new ProducerRecord<>(topic, key, value)));
      sentKinds.add(kind);
    }
    producer.flush();
    List<Sent> sent = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      try {
        RecordMetadata metadata = futures.get(i).get();
        sent.add(
            new Sent(metadata.topic(), metadata.partition(), metadata.offset(), sentKinds.get(i)));
      } catch (ExecutionException e) {
        throw new IllegalStateException("bad record " + i + " was not written", e.getCause());
      }
    }
    return sent;
  }

  /**
   * Dead letters of the given source records, by source and consuming application: {@code
   * topic/partition/offset -> consumer -> count}; dead letters without a reason are counted under
   * the consumer name {@code "<no reason>"}.
   */
  static Map<String, Map<String, Integer>> deadLetters(TopicProbe probe, List<Sent> sources) {
    java.util.Set<String> wanted = new java.util.HashSet<>();
    sources.forEach(source -> wanted.add(ref(source.topic(), source.partition(), source.offset())));
    Map<String, Map<String, Integer>> found = new HashMap<>();
    TopicNames names = probe.names();
    for (Topic<?> topic : Topics.ALL) {
      for (ConsumerRecord<String, byte[]> letter : probe.readAll(names.deadLetterOf(topic))) {
        String source =
            ref(
                TopicProbe.header(letter, SwitchboardHeaders.DLQ_SOURCE_TOPIC),
                parse(TopicProbe.header(letter, SwitchboardHeaders.DLQ_SOURCE_PARTITION)),
                parse(TopicProbe.header(letter, SwitchboardHeaders.DLQ_SOURCE_OFFSET)));
        if (!wanted.contains(source)) {
          continue;
        }
        String reason = TopicProbe.deadLetterReason(letter);
        String consumer =
            reason == null || reason.isBlank()
                ? "<no reason>"
                : TopicProbe.header(letter, SwitchboardHeaders.DLQ_CONSUMER);
        found.computeIfAbsent(source, any -> new HashMap<>()).merge(consumer, 1, Integer::sum);
      }
    }
    return found;
  }

  /** Dead letters expected for these sources: one per consuming application each. */
  static int expectedDeadLetters(List<Sent> sources) {
    return sources.stream().mapToInt(source -> CONSUMERS.get(source.topic()).size()).sum();
  }

  /** Sources whose dead letters are not exactly one per consuming application, with what is. */
  static List<String> mismatches(List<Sent> sources, Map<String, Map<String, Integer>> letters) {
    List<String> wrong = new ArrayList<>();
    for (Sent source : sources) {
      String ref = ref(source.topic(), source.partition(), source.offset());
      Map<String, Integer> expected = new HashMap<>();
      CONSUMERS.get(source.topic()).forEach(consumer -> expected.put(consumer, 1));
      Map<String, Integer> actual = letters.getOrDefault(ref, Map.of());
      if (!expected.equals(actual)) {
        wrong.add(ref + " (" + source.kind() + "): " + actual);
      }
    }
    return wrong;
  }

  static String ref(String topic, long partition, long offset) {
    return topic + "/" + partition + "/" + offset;
  }

  private static long parse(String number) {
    try {
      return number == null ? -1 : Long.parseLong(number);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static ObjectNode keepOnly(ObjectNode node, String... names) {
    node.retain(names);
    return node;
  }

  private byte[] bytes(ObjectNode node) {
    return json.writeValueAsBytes(node);
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    bytes[0] = (byte) 0xFF; // never valid UTF-8, so never JSON
    return bytes;
  }

  static Duration timeFor(int records) {
    return Duration.ofSeconds(120 + records / 20);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
