package dev.switchboard.bench.stack;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A raw Kafka relay on the stack's broker, the baseline a step is compared with: a source writes
 * {@code rate} records per second (acks=all) carrying their send time; {@code hops} relays each
 * consume one topic and produce to the next, plain or exactly-once (read_committed, transactions
 * with {@code sendOffsetsToTransaction}, committed after every poll or every {@code commitMs}); a
 * sink reads the last topic and takes the end-to-end latency.
 */
final class RawRelay {
  enum Mode {
    PLAIN,
    EXACTLY_ONCE_PER_POLL,
    EXACTLY_ONCE_INTERVAL
  }

  private static final int PARTITIONS = 3;

  private final String bootstrap;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  RawRelay(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /** End-to-end latencies of {@code messages} records after {@code warmup} more. */
  Percentiles measure(Mode mode, int hops, long commitMs, int rate, int warmup, int messages)
      throws Exception {
    String prefix = "bench-raw-" + run + "-" + mode.name().toLowerCase() + "-" + hops + "-";
    List<String> topics = new ArrayList<>();
    for (int i = 0; i <= hops; i++) {
      topics.add(prefix + i);
    }
    create(topics);
    boolean transactional = mode != Mode.PLAIN;
    List<Thread> relays = new ArrayList<>();
    List<Relay> running = new ArrayList<>();
    for (int i = 0; i < hops; i++) {
      Relay relay =
          new Relay(topics.get(i), topics.get(i + 1), mode, commitMs, prefix + "relay-" + i);
      running.add(relay);
      relays.add(Thread.ofPlatform().name("relay-" + i).start(relay));
    }
    List<Long> latencies = new CopyOnWriteArrayList<>();
    int total = warmup + messages;
    Sink sink = new Sink(topics.getLast(), transactional, total, latencies);
    Thread sinkThread = Thread.ofPlatform().name("sink").start(sink);
    try (KafkaProducer<String, byte[]> source = producer(null)) {
      Thread.sleep(3000); // the relays' and the sink's partitions assigned
      long interval = 1_000_000_000L / rate;
      long next = System.nanoTime();
      for (int i = 0; i < total; i++) {
        while (System.nanoTime() < next) {
          Thread.onSpinWait();
        }
        next += interval;
        byte[] value = ByteBuffer.allocate(12).putLong(System.nanoTime()).putInt(i).array();
        source.send(new ProducerRecord<>(topics.getFirst(), "k" + i, value));
      }
      source.flush();
    }
    sinkThread.join(TimeUnit.SECONDS.toMillis(60));
    stopAndForget(running, relays, topics, prefix);
    List<Long> measured = new ArrayList<>();
    for (Long latency : latencies) {
      measured.add(latency);
    }
    // The first records of a run wait for lazy set-up (metadata, transactions); drop them.
    return Percentiles.ofNanos(
        measured.subList(Math.min(warmup, measured.size()), measured.size()));
  }

  /** What the ring measured: its wall time and its laps (a lap is one step's hops). */
  record Ring(int chains, int laps, int hops, int completed, double seconds) {
    double lapsPerSecond() {
      return (double) completed * laps / seconds;
    }
  }

  /**
   * The throughput baseline of a burst of goals: {@code chains} records written at once (acks=all,
   * {@code valueBytes} each, about a signed event's size) go round a ring of {@code hops}
   * exactly-once relays committing every {@code commitMs}, {@code laps} times each, as a goal's
   * records go round its step's hops once per step; then a read_committed sink takes them off a
   * last topic. Wall time from the first write until the sink has them all.
   */
  Ring ring(int hops, long commitMs, int chains, int laps, int valueBytes, Duration timeout)
      throws Exception {
    String prefix = "bench-raw-" + run + "-ring-" + hops + "-";
    List<String> topics = new ArrayList<>();
    for (int i = 0; i < hops; i++) {
      topics.add(prefix + i);
    }
    String done = prefix + "done";
    List<String> all = new ArrayList<>(topics);
    all.add(done);
    create(all);
    List<Thread> threads = new ArrayList<>();
    List<Relay> running = new ArrayList<>();
    for (int i = 0; i < hops; i++) {
      String to = topics.get((i + 1) % hops);
      Route route =
          i < hops - 1
              ? record -> new ProducerRecord<>(to, record.key(), record.value())
              : record -> {
                byte[] value = record.value().clone();
                ByteBuffer buffer = ByteBuffer.wrap(value);
                int lap = buffer.getInt(Long.BYTES) + 1;
                buffer.putInt(Long.BYTES, lap);
                return new ProducerRecord<>(lap >= laps ? done : to, record.key(), value);
              };
      Relay relay =
          new Relay(
              topics.get(i), route, Mode.EXACTLY_ONCE_INTERVAL, commitMs, prefix + "relay-" + i);
      running.add(relay);
      threads.add(Thread.ofPlatform().name("ring-" + i).start(relay));
    }
    List<Long> ended = new CopyOnWriteArrayList<>();
    Sink sink = new Sink(done, true, chains, ended, timeout);
    Thread sinkThread = Thread.ofPlatform().name("ring-sink").start(sink);
    long started;
    try (KafkaProducer<String, byte[]> source = producer(null)) {
      Thread.sleep(3000); // the relays' and the sink's partitions assigned
      started = System.nanoTime();
      for (int i = 0; i < chains; i++) {
        byte[] value =
            ByteBuffer.allocate(Math.max(valueBytes, Long.BYTES + Integer.BYTES))
                .putLong(started)
                .putInt(0)
                .array();
        source.send(new ProducerRecord<>(topics.getFirst(), "chain-" + i, value));
      }
      source.flush();
    }
    sinkThread.join(timeout.toMillis() + 10_000);
    // The last record's latency is the burst's wall time (all carry the burst's start).
    double seconds =
        ended.stream().mapToLong(Long::longValue).max().orElse(System.nanoTime() - started) / 1e9;
    stopAndForget(running, threads, all, prefix);
    return new Ring(chains, laps, hops, ended.size(), seconds);
  }

  /** Stops the relays, waits for their threads, then deletes the run's topics and groups. */
  private void stopAndForget(
      List<Relay> relays, List<Thread> threads, List<String> topics, String prefix)
      throws InterruptedException {
    relays.forEach(Relay::stop);
    for (Thread thread : threads) {
      thread.join();
    }
    try {
      forget(topics, prefix);
    } catch (Exception e) {
      System.err.println("could not delete the relays' topics and groups: " + e);
    }
  }

  private void create(List<String> topics) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(topics.stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList())
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Deletes the run's topics and groups: a relay committing per poll writes thousands of offset
   * records, which the broker would otherwise load again on every start.
   */
  private void forget(List<String> topics, String prefix) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      List<String> groups =
          admin.listGroups().all().get(30, TimeUnit.SECONDS).stream()
              .map(group -> group.groupId())
              .filter(id -> id.startsWith(prefix) || id.startsWith("bench-raw-sink-"))
              .toList();
      admin.deleteConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
      admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
    }
  }

  private KafkaProducer<String, byte[]> producer(String transactionalId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    if (transactionalId != null) {
      config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    }
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  private KafkaConsumer<String, byte[]> consumer(String group, boolean readCommitted) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, !readCommitted);
    config.put(
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        readCommitted ? "read_committed" : "read_uncommitted");
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** Where a relay sends what it read (the ring's last relay counts laps). */
  @FunctionalInterface
  private interface Route {
    ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> record);
  }

  private final class Relay implements Runnable {
    private final String from;
    private final Route route;
    private final Mode mode;
    private final long commitNanos;
    private final String id;
    private volatile boolean stopped;

    Relay(String from, String to, Mode mode, long commitMs, String id) {
      this(
          from,
          record -> new ProducerRecord<>(to, record.key(), record.value()),
          mode,
          commitMs,
          id);
    }

    Relay(String from, Route route, Mode mode, long commitMs, String id) {
      this.from = from;
      this.route = route;
      this.mode = mode;
      this.commitNanos = TimeUnit.MILLISECONDS.toNanos(commitMs);
      this.id = id;
    }

    void stop() {
      stopped = true;
    }

    @Override
    public void run() {
      boolean transactional = mode != Mode.PLAIN;
      try (KafkaConsumer<String, byte[]> consumer = consumer(id, transactional);
          KafkaProducer<String, byte[]> producer = producer(transactional ? id : null)) {
        consumer.subscribe(List.of(from));
        if (transactional) {
          producer.initTransactions();
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        long openedAt = 0;
        boolean open = false;
        while (!stopped) {
          ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(5));
          if (!records.isEmpty() && transactional && !open) {
            producer.beginTransaction();
            open = true;
            openedAt = System.nanoTime();
          }
          for (ConsumerRecord<String, byte[]> record : records) {
            producer.send(route.of(record));
            offsets.put(
                new TopicPartition(record.topic(), record.partition()),
                new OffsetAndMetadata(record.offset() + 1));
          }
          boolean due =
              mode == Mode.EXACTLY_ONCE_PER_POLL || System.nanoTime() - openedAt >= commitNanos;
          if (open && due) {
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
            offsets.clear();
            open = false;
          }
        }
        if (open) {
          producer.abortTransaction();
        }
      }
    }
  }

  private final class Sink implements Runnable {
    private final String topic;
    private final boolean readCommitted;
    private final int expected;
    private final List<Long> latencies;
    private final Duration giveUpAfter;

    Sink(String topic, boolean readCommitted, int expected, List<Long> latencies) {
      this(topic, readCommitted, expected, latencies, Duration.ofSeconds(90));
    }

    Sink(
        String topic,
        boolean readCommitted,
        int expected,
        List<Long> latencies,
        Duration giveUpAfter) {
      this.topic = topic;
      this.readCommitted = readCommitted;
      this.expected = expected;
      this.latencies = latencies;
      this.giveUpAfter = giveUpAfter;
    }

    @Override
    public void run() {
      try (KafkaConsumer<String, byte[]> consumer =
          consumer("bench-raw-sink-" + UUID.randomUUID(), readCommitted)) {
        consumer.subscribe(List.of(topic));
        long giveUp = System.nanoTime() + giveUpAfter.toNanos();
        while (latencies.size() < expected && System.nanoTime() < giveUp) {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
            long now = System.nanoTime();
            latencies.add(now - ByteBuffer.wrap(record.value()).getLong());
          }
        }
      }
    }
  }
}
