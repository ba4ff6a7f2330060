package dev.switchboard.trace;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Keeps a journal per goal from every Switchboard topic and serves it over HTTP. */
@SpringBootApplication
public class TraceApplication {
  public static void main(String[] args) {
    SpringApplication.run(TraceApplication.class, args);
  }
}
