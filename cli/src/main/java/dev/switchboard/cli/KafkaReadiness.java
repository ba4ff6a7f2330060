package dev.switchboard.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;

/** Waits until a broker answers metadata requests, for scripts that just started one. */
final class KafkaReadiness {
  private KafkaReadiness() {}

  static int await(String bootstrap, Duration timeout, PrintStream out, Clock clock) {
    Instant deadline = clock.instant().plus(timeout);
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
    String lastProblem = "no answer";
    try (Admin admin = Admin.create(config)) {
      while (clock.instant().isBefore(deadline)) {
        try {
          DescribeClusterResult cluster = admin.describeCluster();
          Collection<Node> brokers = cluster.nodes().get(3, TimeUnit.SECONDS);
          Node controller = cluster.controller().get(3, TimeUnit.SECONDS);
          if (!brokers.isEmpty() && controller != null && !controller.isEmpty()) {
            out.println(
                "Kafka at "
                    + bootstrap
                    + " is ready: cluster "
                    + cluster.clusterId().get(3, TimeUnit.SECONDS)
                    + ", "
                    + brokers.size()
                    + " broker(s)");
            return ExitCode.OK;
          }
          lastProblem = "no broker registered yet";
        } catch (TimeoutException e) {
          lastProblem = "no answer from the broker";
        } catch (ExecutionException e) {
          lastProblem = String.valueOf(e.getCause().getMessage());
        }
        Pause.sleep(Duration.ofMillis(300));
      }
    } catch (KafkaException e) {
      throw new CommandFailedException("cannot use Kafka at " + bootstrap + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailedException("interrupted", e);
    }
    out.println(
        "Kafka at "
            + bootstrap
            + " not ready within "
            + timeout.toSeconds()
            + " s: "
            + lastProblem);
    return ExitCode.TIMED_OUT;
  }
}
