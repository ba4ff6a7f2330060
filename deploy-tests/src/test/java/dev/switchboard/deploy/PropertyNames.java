package dev.switchboard.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration property names a service binds, as patterns ({@code [*]} a list index, a
 * trailing {@code .*} a map's keys), and whether an environment variable sets one of them the way
 * Spring's relaxed binding reads it ({@code SWITCHBOARD_KAFKA_TOPIC_PREFIX} or {@code
 * SWITCHBOARD_KAFKA_TOPICPREFIX}, {@code _0_} for {@code [0].}).
 */
final class PropertyNames {
  private final java.util.Set<String> names;
  private final List<Pattern> environmentPatterns;

  PropertyNames(Collection<String> names) {
    this.names = new TreeSet<>(names);
    this.environmentPatterns = this.names.stream().map(PropertyNames::environmentPattern).toList();
  }

  java.util.Set<String> names() {
    return names;
  }

  boolean bindsEnvironmentVariable(String variable) {
    return environmentPatterns.stream().anyMatch(pattern -> pattern.matcher(variable).matches());
  }

  /** Whether a property name (as in a config tree file name) is one of these. */
  boolean bindsProperty(String property) {
    return bindsEnvironmentVariable(
        property
            .toUpperCase(java.util.Locale.ROOT)
            .replaceAll("\\[(\\d+)]", "_$1")
            .replace(".", "_")
            .replace("-", "_"));
  }

  static Pattern environmentPattern(String property) {
    StringBuilder regex = new StringBuilder();
    boolean mapKeys = property.endsWith(".*");
    String name = mapKeys ? property.substring(0, property.length() - 2) : property;
    String[] elements = name.split("\\.");
    for (int i = 0; i < elements.length; i++) {
      if (i > 0) {
        regex.append('_');
      }
      String element = elements[i].toUpperCase(java.util.Locale.ROOT);
      String[] indexed = element.split("\\[\\*]", -1);
      for (int j = 0; j < indexed.length; j++) {
        if (j > 0) {
          regex.append("_\\d+");
        }
        String[] words = indexed[j].split("-", -1);
        for (int k = 0; k < words.length; k++) {
          if (k > 0) {
            regex.append("_?");
          }
          regex.append(Pattern.quote(words[k]));
        }
      }
    }
    // A map takes any key; a list leaf also takes indexed elements (LOCATIONS_0).
    regex.append(mapKeys ? "_[A-Z0-9_]+" : "(_\\d+)?");
    return Pattern.compile(regex.toString());
  }

  // ---------------------------------------------------------------------------------------------
  // Where the names come from

  /**
   * Spring Boot's own properties, from every {@code META-INF/spring-configuration-metadata.json} on
   * the classpath (the services' dependencies; Switchboard's modules ship none).
   */
  static List<String> springMetadata() {
    JsonMapper mapper = JsonMapper.builder().build();
    List<String> names = new ArrayList<>();
    try {
      Enumeration<URL> files =
          PropertyNames.class
              .getClassLoader()
              .getResources("META-INF/spring-configuration-metadata.json");
      while (files.hasMoreElements()) {
        try (InputStream in = files.nextElement().openStream()) {
          JsonNode properties = mapper.readTree(in).path("properties");
          for (JsonNode property : properties) {
            String name = property.path("name").asString();
            String type = property.path("type").asString("");
            names.add(type.startsWith("java.util.Map<") ? name + ".*" : name);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /**
   * Every {@code @ConfigurationProperties} record under these packages, walked component by
   * component.
   */
  static List<String> switchboardProperties(String... packages) {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    List<String> names = new ArrayList<>();
    for (String basePackage : packages) {
      for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
        Class<?> type = load(candidate.getBeanClassName());
        ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
        String prefix = annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
        names.addAll(recordProperties(prefix, type));
      }
    }
    return names;
  }

  /** The property names a record binds under a prefix (nested records, lists of them, maps). */
  static List<String> recordProperties(String prefix, Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type + " is not a record; walk its setters here");
    }
    List<String> names = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      walk(prefix + "." + kebab(component.getName()), component.getGenericType(), names);
    }
    return names;
  }

  private static void walk(String name, Type type, List<String> names) {
    Class<?> raw = raw(type);
    if (Map.class.isAssignableFrom(raw)) {
      names.add(name + ".*");
    } else if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
      Class<?> element = raw(p.getActualTypeArguments()[0]);
      if (element.isRecord()) {
        names.addAll(recordProperties(name + "[*]", element));
      } else {
        names.add(name);
      }
    } else if (raw.isRecord()) {
      names.addAll(recordProperties(name, raw));
    } else {
      names.add(name);
    }
  }

  /** Properties a service's application.yml reads through placeholders, like {@code ${a.b:}}. */
  static List<String> placeholders(String text) {
    Matcher matcher = Pattern.compile("\\$\\{([a-z0-9.\\-\\[\\]]+)[:}]").matcher(text);
    List<String> names = new ArrayList<>();
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  private static String kebab(String camel) {
    return camel
        .chars()
        .mapToObj(
            c ->
                Character.isUpperCase(c)
                    ? "-" + Character.toLowerCase((char) c)
                    : String.valueOf((char) c))
        .collect(Collectors.joining());
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
