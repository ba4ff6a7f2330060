package dev.switchboard.trace;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The console's two live parts as HTML: the goals table and a goal's panel. The pages include the
 * same fragments, so what a stream sends is what a reload would show. Thymeleaf escapes all text.
 */
final class ConsoleRenderer {
  static final String TEMPLATES = "console/fragments";
  static final String GOAL_LIST = "goal-list";
  static final String GOAL_PANEL = "goal-panel";

  private final ITemplateEngine templates;
  private final ConsoleLinks links;
  private final Clock clock;

  ConsoleRenderer(ITemplateEngine templates, ConsoleLinks links, Clock clock) {
    this.templates = templates;
    this.links = links;
    this.clock = clock;
  }

  /** The variables of the goals table. */
  Map<String, Object> listModel(
      List<GoalListItem> goals, List<String> missing, RecentGoalsQuery query, String base) {
    Map<String, Object> model = new HashMap<>();
    model.put("goals", goals);
    model.put("missing", missing);
    model.put("query", query);
    model.put("statuses", dev.switchboard.contracts.GoalStatus.values());
    model.put("base", base);
    model.put("fmt", new ConsoleFormat(clock.instant()));
    return model;
  }

  /** The variables of a goal's panel. */
  Map<String, Object> goalModel(GoalJournalView goal, String base) {
    Map<String, Object> model = new HashMap<>();
    model.put("page", GoalPageModel.of(goal, links, clock.instant()));
    model.put("base", base);
    model.put("fmt", new ConsoleFormat(clock.instant()));
    return model;
  }

  String goalList(
      List<GoalListItem> goals, List<String> missing, RecentGoalsQuery query, String base) {
    return render(GOAL_LIST, listModel(goals, missing, query, base));
  }

  String goalPanel(GoalJournalView goal, String base) {
    return render(GOAL_PANEL, goalModel(goal, base));
  }

  private String render(String fragment, Map<String, Object> variables) {
    return templates.process(TEMPLATES, Set.of(fragment), new Context(Locale.ROOT, variables));
  }
}
