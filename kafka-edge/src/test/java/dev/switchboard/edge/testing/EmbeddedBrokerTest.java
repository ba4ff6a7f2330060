package dev.switchboard.edge.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.TestPropertySource;

/**
 * A Spring Boot test against the shared embedded broker (spring-kafka's global one, started once
 * per test run where the module's {@code junit-platform.properties} enables it): points the service
 * at it and gives each {@link Probe} field a fresh {@link TopicProbe} on that broker with the
 * context's topic names, closed after each test. The test's own {@code @SpringBootTest} still says
 * which application, topic prefix and settings it runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@ExtendWith(TopicProbeExtension.class)
public @interface EmbeddedBrokerTest {

  /** A {@link TopicProbe} field opened before each test and closed after it. */
  @Target(ElementType.FIELD)
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @interface Probe {}
}
