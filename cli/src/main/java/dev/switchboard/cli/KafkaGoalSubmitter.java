package dev.switchboard.cli;

import dev.switchboard.contracts.GoalClient;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;

/** Submits goals to the {@code goals} topic through the contracts' GoalClient. */
final class KafkaGoalSubmitter implements GoalSubmitter, AutoCloseable {
  private final String bootstrap;
  private final String goalsTopic;
  private final GoalClient client;

  KafkaGoalSubmitter(String bootstrap, String prefix) {
    this.bootstrap = bootstrap;
    TopicNames names = new TopicNames(prefix);
    this.goalsTopic = names.of(Topics.GOALS);
    // Fail within seconds, not the client default of a minute, when the broker or topic is absent.
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
    try {
      this.client = new GoalClient(config, names);
    } catch (KafkaException e) {
      throw new CommandFailedException(
          "cannot use Kafka at " + bootstrap + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String submit(GoalSubmitted goal) {
    try {
      return client.submit(goal);
    } catch (IllegalStateException | KafkaException e) {
      throw new CommandFailedException(
          e.getMessage()
              + "\n  (is Kafka up at "
              + bootstrap
              + " and does topic '"
              + goalsTopic
              + "' exist? try: bin/switchboard status)",
          e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
