package dev.switchboard.guardrail;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The guardrail: every proposed action is allowed and signed, denied, or put to a person. */
@SpringBootApplication
public class GuardrailApplication {
  public static void main(String[] args) {
    SpringApplication.run(GuardrailApplication.class, args);
  }
}
