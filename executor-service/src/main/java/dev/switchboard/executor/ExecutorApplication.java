package dev.switchboard.executor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Runs the actions the guardrail signed and reports their results on action-result. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExecutorApplication {
  public static void main(String[] args) {
    SpringApplication.run(ExecutorApplication.class, args);
  }
}
