package dev.switchboard.contracts;

import dev.switchboard.contracts.catalog.CatalogTopic;
import java.util.Optional;

/**
 * Resolves catalog topics to real topic names under a prefix, so several Switchboards (or test
 * runs) can share one cluster. The empty prefix gives the plain names.
 */
public record TopicNames(String prefix) {
  public static final String DLQ_SUFFIX = ".dlq";

  public TopicNames {
    prefix = prefix == null ? "" : prefix;
    if (!prefix.matches("[A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "topic prefix may only hold letters, digits, '.', '_' and '-': " + prefix);
    }
  }

  public static TopicNames unprefixed() {
    return new TopicNames("");
  }

  public String of(Topic<?> topic) {
    return prefix + topic.baseName();
  }

  public String of(CatalogTopic<?> catalog) {
    return prefix + catalog.baseName();
  }

  public String deadLetterOf(Topic<?> topic) {
    return of(topic) + DLQ_SUFFIX;
  }

  /** The catalog topic behind a real name, if it is one of ours. */
  public Optional<Topic<?>> topicNamed(String name) {
    return Topics.ALL.stream().filter(topic -> of(topic).equals(name)).findFirst();
  }
}
