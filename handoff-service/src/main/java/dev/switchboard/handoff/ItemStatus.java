package dev.switchboard.handoff;

/** Whether an inbox item still waits for a person. */
public enum ItemStatus {
  PENDING,
  RESOLVED
}
