package dev.switchboard.trace;

import java.util.List;

/**
 * An {@code update} event of {@code GET /api/goals/{goalId}/events}: the goal's head now and the
 * journal entries it gained since the previous event (by their {@code seq}).
 */
record GoalUpdate(GoalListItem goal, List<JournalEntry> events) {}
