package dev.switchboard.cli;

import java.util.List;
import java.util.Optional;

/** Where {@code dlq} reads dead letters and writes replays: Kafka, or a list in tests. */
interface DeadLetterStore {
  List<DeadLetter> readAll(String topic);

  Optional<DeadLetter> at(String topic, int partition, long offset);

  void write(DeadLetterReplay.Plan.Replay replay);
}
