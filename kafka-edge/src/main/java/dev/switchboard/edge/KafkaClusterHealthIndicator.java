package dev.switchboard.edge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Up while the Kafka cluster answers a metadata request. */
final class KafkaClusterHealthIndicator extends AbstractHealthIndicator implements DisposableBean {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private final Admin admin;

  KafkaClusterHealthIndicator(Map<String, Object> adminConfig) {
    super("Kafka cluster health check failed");
    this.admin = Admin.create(adminConfig);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    DescribeClusterResult cluster =
        admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
    String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    int brokers = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
    builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
  }

  @Override
  public void destroy() {
    admin.close(Duration.ofSeconds(2));
  }
}
