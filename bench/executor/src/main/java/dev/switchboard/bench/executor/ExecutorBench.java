package dev.switchboard.bench.executor;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.PlannedAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Measures the executor of a running local stack from the outside: it writes signed {@code
 * ActionRequested} records to {@code action-request} (as the guardrail would, with the stack's
 * signing key) and times their results on {@code action-result} (read committed).
 *
 * <ol>
 *   <li>Overhead per tool call: {@code demo.lookup} (answers from memory, well under a
 *       millisecond), one request at a time, from just before the send to the result's arrival. The
 *       tool's own time is negligible, so this is the executor's overhead: the stream's commit of
 *       the intent, the worker's commit of the take, the worker's commit of the result.
 *   <li>A slow tool: one {@code demo.send} whose answer the executor holds back (its test delay,
 *       {@code switchboard.executor.test-delay.*}), then 50 lookups of goals on the same partition:
 *       how long they take while the slow call runs.
 * </ol>
 */
public final class ExecutorBench {
  private static final EventCodec CODEC = new EventCodec();
  private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(90);

  private final String bootstrap;
  private final ActionSigner signer;
  private final TopicNames names = TopicNames.unprefixed();
  private final KafkaProducer<String, byte[]> producer;
  private final Map<String, CompletableFuture<Arrival>> awaited = new ConcurrentHashMap<>();
  private volatile boolean listening = true;

  /** A result as it arrived. */
  record Arrival(ActionResultEvent result, long nanos) {}

  private ExecutorBench(String bootstrap, ActionSigner signer) {
    this.bootstrap = bootstrap;
    this.signer = signer;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                0),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Map<String, String> options = options(args);
    String bootstrap = options.getOrDefault("bootstrap", "localhost:9092");
    Path keyFile =
        Path.of(
            options.getOrDefault("signing-key-file", ".switchboard/secrets/action-signing-key"));
    int calls = Integer.parseInt(options.getOrDefault("calls", "200"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "30"));
    int partners = Integer.parseInt(options.getOrDefault("partners", "50"));
    String slowMarker = options.getOrDefault("slow-marker", "bench-slow-");
    ActionSigner signer =
        ActionSigner.fromSecret(Files.readString(keyFile, StandardCharsets.UTF_8).trim(), CODEC);

    ExecutorBench bench = new ExecutorBench(bootstrap, signer);
    Thread listener = Thread.ofPlatform().name("results").start(bench::listen);
    try {
      bench.overhead(warmup, calls);
      bench.slowTool(slowMarker, partners);
    } finally {
      bench.listening = false;
      listener.join();
      bench.producer.close();
    }
  }

  private void overhead(int warmup, int calls) throws Exception {
    System.out.printf(
        "executor overhead per no-op tool call (demo.lookup), %d calls after %d to warm up%n",
        calls, warmup);
    for (int i = 0; i < warmup; i++) {
      lookup("bench-warmup-" + UUID.randomUUID()).get(RESULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      long sent = System.nanoTime();
      Arrival arrival =
          lookup("bench-noop-" + UUID.randomUUID())
              .get(RESULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      millis.add(TimeUnit.NANOSECONDS.toMillis(arrival.nanos() - sent));
    }
    System.out.printf(
        "  ActionRequested written -> result read: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
        percentile(millis, 50),
        percentile(millis, 90),
        percentile(millis, 99),
        percentile(millis, 100));
  }

  private void slowTool(String slowMarker, int partners) throws Exception {
    String slowGoal = slowMarker + UUID.randomUUID();
    System.out.printf(
        "slow tool: one demo.send held back by the executor's test delay (goal %s), then %d lookups on its partition%n",
        slowGoal, partners);
    long slowSent = System.nanoTime();
    CompletableFuture<Arrival> slow =
        request(
            slowGoal,
            "demo.send",
            true,
            "{\"to\":\"pat.lee@acme.example\",\"subject\":\"Bench\",\"body\":\"A slow send\"}");
    awaitStart(slowGoal + "/step-1");
    long partnersSent = System.nanoTime();
    List<CompletableFuture<Arrival>> others = new ArrayList<>();
    for (String goalId : goalIdsOnPartitionOf(slowGoal, partners)) {
      others.add(lookup(goalId));
    }
    List<Long> millis = new ArrayList<>();
    for (CompletableFuture<Arrival> other : others) {
      Arrival arrival = other.get(RESULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      millis.add(TimeUnit.NANOSECONDS.toMillis(arrival.nanos() - partnersSent));
    }
    boolean slowStillRunning = !slow.isDone();
    Arrival slowResult = slow.get(RESULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    System.out.printf(
        "  %d lookups done %d ms after they were written (p50 %d ms), slow send still running then: %s%n",
        partners, percentile(millis, 100), percentile(millis, 50), slowStillRunning);
    System.out.printf(
        "  slow send answered after %d ms (%s)%n",
        TimeUnit.NANOSECONDS.toMillis(slowResult.nanos() - slowSent),
        slowResult.result().getClass().getSimpleName());
  }

  private CompletableFuture<Arrival> lookup(String goalId) {
    return request(goalId, "demo.lookup", false, "{\"account\":\"ACME\"}");
  }

  private CompletableFuture<Arrival> request(
      String goalId, String tool, boolean sideEffect, String arguments) {
    String actionId = goalId + "/step-1";
    CompletableFuture<Arrival> result = new CompletableFuture<>();
    awaited.put(actionId, result);
    Instant now = Instant.now();
    ActionRequested request =
        signer.sign(
            new ActionRequested(
                goalId,
                UUID.randomUUID(),
                null,
                now,
                new PlannedAction(
                    actionId,
                    tool,
                    CODEC.mapper().readTree(arguments),
                    List.of(),
                    sideEffect,
                    "bench"),
                null,
                now.plus(Duration.ofMinutes(10)),
                null,
                null));
    producer.send(
        new ProducerRecord<>(names.of(Topics.ACTION_REQUEST), goalId, CODEC.encode(request)));
    producer.flush();
    return result;
  }

  /** Until the executor's worker reports it took the effect (its started marker). */
  private void awaitStart(String effectId) {
    String topic = "switchboard-executor-effect-results";
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Instant until = Instant.now().plus(RESULT_TIMEOUT);
      while (Instant.now().isBefore(until)) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          String value = new String(record.value(), StandardCharsets.UTF_8);
          if (value.contains("\"Started\"") && value.contains("\"" + effectId + "\"")) {
            return;
          }
        }
      }
    }
    throw new IllegalStateException("the executor never started " + effectId);
  }

  private void listen() {
    String topic = names.of(Topics.ACTION_RESULT);
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      while (listening) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
          long now = System.nanoTime();
          ActionResultEvent result;
          try {
            result = CODEC.decode(Topics.ACTION_RESULT, record.value());
          } catch (RuntimeException e) {
            continue;
          }
          CompletableFuture<Arrival> waiting = awaited.remove(result.actionId());
          if (waiting != null) {
            if (result instanceof ActionSucceeded || result.tool().equals("demo.send")) {
              waiting.complete(new Arrival(result, now));
            } else {
              waiting.completeExceptionally(new IllegalStateException("unexpected " + result));
            }
          }
        }
      }
    }
  }

  private KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  private static List<String> goalIdsOnPartitionOf(String goalId, int count) {
    int partition = partitionOf(goalId);
    return Stream.generate(() -> "bench-partner-" + UUID.randomUUID())
        .filter(id -> partitionOf(id) == partition)
        .limit(count)
        .toList();
  }

  /** Kafka's default partitioner over the topics' 3 partitions (switchboard.kafka.partitions). */
  private static int partitionOf(String goalId) {
    return Utils.toPositive(Utils.murmur2(goalId.getBytes(StandardCharsets.UTF_8))) % 3;
  }

  private static long percentile(List<Long> values, int percent) {
    List<Long> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("options are --name=value, not " + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return options;
  }
}
