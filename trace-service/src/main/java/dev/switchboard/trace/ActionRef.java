package dev.switchboard.trace;

/** An action a journal entry is about: its id and its tool's name, never its arguments. */
public record ActionRef(String actionId, String tool) {}
