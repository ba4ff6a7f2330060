package dev.switchboard.planner.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A step's branch condition over facts ({@code when:}); every part must hold.
 *
 * @param known facts that must have a value
 * @param missing facts that must have none
 * @param equals facts that must have exactly this (text) value
 * @param notEquals facts that must not have this value (a missing fact has none)
 */
public record Condition(
    List<String> known,
    List<String> missing,
    Map<String, String> equals,
    Map<String, String> notEquals) {

  public static final Condition ALWAYS = new Condition(List.of(), List.of(), Map.of(), Map.of());

  public Condition {
    known = List.copyOf(known);
    missing = List.copyOf(missing);
    equals = Map.copyOf(equals);
    notEquals = Map.copyOf(notEquals);
  }

  /** Every fact the condition looks at. */
  public List<String> facts() {
    List<String> facts = new ArrayList<>();
    Stream.of(known, missing, List.copyOf(equals.keySet()), List.copyOf(notEquals.keySet()))
        .forEach(facts::addAll);
    return facts.stream().distinct().toList();
  }

  /**
   * @param value a fact's value as text, empty when the fact is missing
   */
  public boolean holds(Function<String, Optional<String>> value) {
    return known.stream().allMatch(fact -> value.apply(fact).isPresent())
        && missing.stream().allMatch(fact -> value.apply(fact).isEmpty())
        && equals.entrySet().stream()
            .allMatch(e -> value.apply(e.getKey()).filter(e.getValue()::equals).isPresent())
        && notEquals.entrySet().stream()
            .noneMatch(e -> value.apply(e.getKey()).filter(e.getValue()::equals).isPresent());
  }
}
