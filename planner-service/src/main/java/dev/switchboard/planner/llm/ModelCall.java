package dev.switchboard.planner.llm;

/**
 * A tool call the model proposed.
 *
 * @param name the tool's name as the model called it
 * @param arguments the arguments as the model wrote them: JSON text, not yet checked
 */
public record ModelCall(String id, String name, String arguments) {}
