package dev.switchboard.bench.stack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local OTLP/HTTP trace receiver for the tracing bench: takes every {@code POST /v1/traces}
 * (protobuf or JSON), counts requests and bytes, and answers 200 with an empty export response, as
 * a collector would. It keeps nothing: the bench measures what exporting costs the services.
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
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.createContext(
        "/v1/traces",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            bytes.addAndGet(body.transferTo(OutputStream.nullOutputStream()));
          }
          requests.incrementAndGet();
          String type = exchange.getRequestHeaders().getFirst("Content-Type");
          exchange
              .getResponseHeaders()
              .set("Content-Type", type == null ? "application/x-protobuf" : type);
          boolean json = type != null && type.contains("json");
          byte[] response = json ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0];
          exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
          if (response.length > 0) {
            exchange.getResponseBody().write(response);
          }
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
                          "requests " + requests.get() + "\nbytes " + bytes.get() + "\n",
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
}
