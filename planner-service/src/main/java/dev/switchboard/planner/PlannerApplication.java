package dev.switchboard.planner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The planner: turns goals into steps and steps' results into the goal's outcome. */
@SpringBootApplication
public class PlannerApplication {
  public static void main(String[] args) {
    SpringApplication.run(PlannerApplication.class, args);
  }
}
