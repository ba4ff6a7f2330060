package dev.switchboard.edge.testing;

import dev.switchboard.contracts.TopicNames;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Fills the {@link EmbeddedBrokerTest.Probe} fields of a test with probes on the broker and topic
 * names of its Spring context (loaded by then: Spring injects the test instance first).
 */
final class TopicProbeExtension implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TopicProbeExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    ApplicationContext spring = SpringExtension.getApplicationContext(context);
    String brokers = spring.getEnvironment().getRequiredProperty("spring.kafka.bootstrap-servers");
    TopicNames names = spring.getBean(TopicNames.class);
    Object test = context.getRequiredTestInstance();
    List<TopicProbe> opened = new ArrayList<>();
    context.getStore(NAMESPACE).put(TopicProbeExtension.class, new Opened(opened));
    for (Field field : probeFields(test.getClass())) {
      TopicProbe probe = new TopicProbe(brokers, names);
      opened.add(probe);
      field.setAccessible(true);
      field.set(test, probe);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Opened opened = context.getStore(NAMESPACE).remove(TopicProbeExtension.class, Opened.class);
    if (opened != null) {
      opened.close();
    }
  }

  private static List<Field> probeFields(Class<?> testClass) {
    List<Field> fields =
        AnnotationSupport.findAnnotatedFields(testClass, EmbeddedBrokerTest.Probe.class);
    for (Field field : fields) {
      if (field.getType() != TopicProbe.class || Modifier.isStatic(field.getModifiers())) {
        throw new ExtensionConfigurationException(
            "@Probe goes on an instance field of type TopicProbe, not on " + field);
      }
    }
    return fields;
  }

  /** The probes of one test. */
  private record Opened(List<TopicProbe> probes) {
    void close() {
      probes.forEach(TopicProbe::close);
    }
  }
}
