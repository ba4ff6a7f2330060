package dev.switchboard.deploy;

import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.catalog.Catalogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Kafka side of a deployment, derived from the topic catalog: every topic with its partitions,
 * and every principal with its ACLs. Rendered as Strimzi resources and as the compose stack's topic
 * script, so neither can drift from {@link Topics} and {@link Catalogs}.
 *
 * @param names the topic prefix in use
 * @param partitions partitions of every goal topic and dead-letter topic: the ceiling of instances
 *     per service, and what {@code switchboard.kafka.partitions} must say
 * @param replicas replicas of every topic
 */
public record KafkaResources(TopicNames names, int partitions, int replicas) {

  /** The principal of outside goal producers (and {@code bin/switchboard goal}). */
  public static final String GOAL_PRODUCER_USER = "switchboard-goal-producer";

  /** One topic to create. */
  public record TopicSpec(String name, int partitions, boolean compacted) {}

  /** One ACL: operations on a topic, group, transactional id or the cluster. */
  public record Acl(String resourceType, String name, boolean prefixed, List<String> operations) {}

  /** A principal and all it may do. */
  public record UserSpec(String name, List<Acl> acls) {}

  /** Goal topics, then their dead-letter topics, then the compacted catalogs (one partition). */
  public List<TopicSpec> topics() {
    List<TopicSpec> topics = new ArrayList<>();
    Topics.ALL.forEach(topic -> topics.add(new TopicSpec(names.of(topic), partitions, false)));
    Topics.ALL.forEach(
        topic -> topics.add(new TopicSpec(names.deadLetterOf(topic), partitions, false)));
    // The services declare the catalogs with one partition: a reader sees every entry in order.
    Catalogs.ALL.forEach(topic -> topics.add(new TopicSpec(names.of(topic), 1, true)));
    return topics;
  }

  /** One user per service, and the goal producers'. */
  public List<UserSpec> users() {
    List<UserSpec> users = new ArrayList<>();
    ServiceAccess.ALL.forEach(access -> users.add(serviceUser(access)));
    users.add(goalProducer());
    return users;
  }

  private UserSpec serviceUser(ServiceAccess access) {
    List<Acl> acls = new ArrayList<>();
    access.readTopics(names).forEach(topic -> acls.add(topic(topic, "Read", "Describe")));
    access.deadLetterWrites(names).forEach(topic -> acls.add(topic(topic, "Write", "Describe")));
    access.writes(names).forEach(topic -> acls.add(topic(topic, "Write", "Describe")));
    String applicationId = access.applicationId(names);
    // Changelogs, repartition topics and any other internal topic: <application id>-*.
    acls.add(new Acl("topic", applicationId + "-", true, List.of("All")));
    // Kafka Streams' group is the application id; the edge's effect worker's <application
    // id>-effect-worker.
    acls.add(new Acl("group", applicationId, true, List.of("Read", "Describe")));
    // Exactly-once v2 names its producers <application id>-<process id>-<thread>.
    acls.add(new Acl("transactionalId", applicationId + "-", true, List.of("Write", "Describe")));
    acls.add(new Acl("cluster", "kafka-cluster", false, List.of("IdempotentWrite")));
    return new UserSpec(userName(access.service()), acls);
  }

  private UserSpec goalProducer() {
    return new UserSpec(
        GOAL_PRODUCER_USER,
        List.of(
            topic(names.of(Topics.GOALS), "Write", "Describe"),
            topic(names.of(Topics.OUTCOME), "Read", "Describe"),
            new Acl("cluster", "kafka-cluster", false, List.of("IdempotentWrite"))));
  }

  private static Acl topic(String name, String... operations) {
    return new Acl("topic", name, false, List.of(operations));
  }

  /** The Kafka user (and Kubernetes name) of a service: {@code switchboard-planner}. */
  public static String userName(Service service) {
    return "switchboard-" + service.name().toLowerCase(Locale.ROOT);
  }
}
