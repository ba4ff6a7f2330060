package dev.switchboard.trace;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the trace-service ({@code switchboard.trace.*}).
 *
 * @param maxEntriesPerGoal journal entries kept per goal; beyond it the oldest after the first are
 *     dropped. A goal's journal is one Kafka record, so this bounds it well below 1 MB.
 */
@ConfigurationProperties("switchboard.trace")
public record TraceProperties(Integer maxEntriesPerGoal) {
  public TraceProperties {
    maxEntriesPerGoal = maxEntriesPerGoal == null ? 1000 : maxEntriesPerGoal;
  }
}
