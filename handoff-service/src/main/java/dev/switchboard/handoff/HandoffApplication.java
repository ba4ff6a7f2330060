package dev.switchboard.handoff;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The human inbox: pending escalations, and people's answers written to resolution. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HandoffApplication {
  public static void main(String[] args) {
    SpringApplication.run(HandoffApplication.class, args);
  }
}
