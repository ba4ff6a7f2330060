package dev.switchboard.executor;

import dev.switchboard.executor.tool.Tool;
import dev.switchboard.executor.tool.ToolCall;
import dev.switchboard.executor.tool.ToolFailure;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** A tool that answers as a test tells it to, and counts its calls. */
final class ScriptedTool implements Tool {

  @FunctionalInterface
  interface Answer {
    JsonNode to(ToolCall call) throws ToolFailure;
  }

  private final String name;
  private final boolean sideEffect;
  private final Answer answer;
  private final AtomicInteger calls = new AtomicInteger();

  ScriptedTool(String name, boolean sideEffect, Answer answer) {
    this.name = name;
    this.sideEffect = sideEffect;
    this.answer = answer;
  }

  /** Blocks until the latch opens: a tool that hangs. */
  static Answer hangingUntil(CountDownLatch release) {
    return call -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    };
  }

  int calls() {
    return calls.get();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean sideEffect() {
    return sideEffect;
  }

  @Override
  public JsonNode call(ToolCall call) throws ToolFailure {
    calls.incrementAndGet();
    return answer.to(call);
  }
}
