package dev.switchboard.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentTest {

  @Test
  void shouldReadTheTraceIdOfAValidTraceparent() {
    assertThat(TraceParent.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(TraceParent.traceIdOf("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-x"))
        .as("a later version may add fields")
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void shouldRefuseWhatTheW3cSpecificationCallsInvalid() {
    assertThat(TraceParent.traceIdOf(null)).isNull();
    assertThat(TraceParent.traceIdOf("")).isNull();
    assertThat(TraceParent.traceIdOf("not a traceparent")).isNull();
    assertThat(TraceParent.traceIdOf("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")).isNull();
    assertThat(
            TraceParent.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-" + "0".repeat(16) + "-01"))
        .isNull();
    assertThat(TraceParent.traceIdOf("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        .isNull();
    assertThat(TraceParent.traceIdOf("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
        .as("upper case is not allowed")
        .isNull();
    assertThat(TraceParent.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x"))
        .as("version 00 has exactly four fields")
        .isNull();
  }
}
