package dev.switchboard.bench.stack;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;

/**
 * A local OTLP/HTTP trace receiver for the tracing bench: takes every {@code POST /v1/traces}
 * (protobuf), counts requests, bytes and the spans in them, and answers 200 with an empty export
 * response, as a collector would. It keeps nothing: the bench measures what exporting costs the
 * services; the span count shows that every span was really exported.
 */
public final class OtlpReceiver {
  private OtlpReceiver() {}

  /** {@code --port=<port> --stats=<file>}: the counts are written to the file every second. */
  static void run(String[] args) throws IOException {
    int port = 4318;
    Path stats = Path.of("otlp-receiver.txt");
    for (String arg : args) {
      if (arg.startsWith("--port=")) {
        port = Integer.parseInt(arg.substring("--port=".length()));
      } else if (arg.startsWith("--stats=")) {
        stats = Path.of(arg.substring("--stats=".length()));
      } else {
        throw new IllegalArgumentException("options are --port=<port> --stats=<file>, not " + arg);
      }
    }
    AtomicLong requests = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    AtomicLong spans = new AtomicLong();
    AtomicLong unreadable = new AtomicLong();
    Map<String, LongAdder> names = new ConcurrentHashMap<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.createContext(
        "/v1/traces",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          bytes.addAndGet(body.length);
          requests.incrementAndGet();
          try {
            if ("gzip"
                .equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
              body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
            }
            spans.addAndGet(countSpans(body, names));
          } catch (IOException | RuntimeException e) {
            unreadable.incrementAndGet();
          }
          exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    Path file = stats;
    Thread writer =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (true) {
                    try {
                      Files.writeString(
                          file,
                          String.format(
                                  "requests %d%nbytes %d%nspans %d%nunreadable %d%n",
                                  requests.get(), bytes.get(), spans.get(), unreadable.get())
                              + byName(names),
                          StandardCharsets.UTF_8);
                      Thread.sleep(1000);
                    } catch (IOException | InterruptedException e) {
                      return;
                    }
                  }
                });
    System.err.println("OTLP receiver on http://127.0.0.1:" + port + "/v1/traces");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    writer.setName("otlp-receiver-stats");
  }

  /**
   * The spans of an {@code ExportTraceServiceRequest}: resource_spans (1) → scope_spans (2) → spans
   * (2), walked on the protobuf wire format alone (the bench has no OTLP classes).
   */
  static long countSpans(byte[] request) {
    return countSpans(request, new ConcurrentHashMap<>());
  }

  /** The same, also counting each span name (field 5) in {@code names}. */
  static long countSpans(byte[] request, Map<String, LongAdder> names) {
    long count = 0;
    for (Field resourceSpans : new Wire(request, 0, request.length).fields(1)) {
      for (Field scopeSpans : resourceSpans.message().fields(2)) {
        for (Field span : scopeSpans.message().fields(2)) {
          count++;
          for (Field name : span.message().fields(5)) {
            names
                .computeIfAbsent(
                    new String(
                        name.data(),
                        name.start(),
                        name.end() - name.start(),
                        StandardCharsets.UTF_8),
                    key -> new LongAdder())
                .increment();
          }
        }
      }
    }
    return count;
  }

  /** One line per span name, most first: {@code span <count> <name>}. */
  private static String byName(Map<String, LongAdder> names) {
    StringBuilder lines = new StringBuilder();
    names.entrySet().stream()
        .sorted(Comparator.comparingLong(entry -> -entry.getValue().sum()))
        .forEach(
            entry ->
                lines
                    .append("span ")
                    .append(entry.getValue().sum())
                    .append(' ')
                    .append(entry.getKey())
                    .append('\n'));
    return lines.toString();
  }

  private record Field(byte[] data, int start, int end) {
    Wire message() {
      return new Wire(data, start, end);
    }
  }

  /** One protobuf message's bytes: its length-delimited fields of one number. */
  private record Wire(byte[] data, int start, int end) {
    List<Field> fields(int number) {
      List<Field> found = new ArrayList<>();
      int[] at = {start};
      while (at[0] < end) {
        long key = varint(at);
        int wireType = (int) (key & 7);
        switch (wireType) {
          case 0 -> varint(at);
          case 1 -> at[0] += 8;
          case 5 -> at[0] += 4;
          case 2 -> {
            int length = (int) varint(at);
            if (key >>> 3 == number) {
              found.add(new Field(data, at[0], at[0] + length));
            }
            at[0] += length;
          }
          default -> throw new IllegalArgumentException("wire type " + wireType);
        }
      }
      if (at[0] != end) {
        throw new IllegalArgumentException("truncated message");
      }
      return found;
    }

    private long varint(int[] at) {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = data[at[0]++];
        value |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return value;
        }
      }
      throw new IllegalArgumentException("varint too long");
    }
  }
}
