package dev.switchboard.trace;

import dev.switchboard.edge.GoalStates;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The operator console: the goals list and a goal's page, rendered on the server, kept live by
 * htmx's SSE extension from the {@code /live/...} streams. No authentication of its own: a security
 * filter chain in front decides who may see it.
 */
@Controller
class ConsoleController {
  private final GoalQueries queries;
  private final LiveJournals live;
  private final ConsoleRenderer renderer;
  private final Clock clock;

  ConsoleController(GoalQueries queries, LiveJournals live, ConsoleRenderer renderer, Clock clock) {
    this.queries = queries;
    this.live = live;
    this.renderer = renderer;
    this.clock = clock;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/goals";
  }

  @GetMapping(path = "/goals", produces = MediaType.TEXT_HTML_VALUE)
  String goals(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String agent,
      @RequestParam(required = false) String since,
      @RequestParam(required = false) Integer limit,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      HttpServletRequest request,
      Model model) {
    RecentGoalsQuery query = RecentGoalsQuery.parse(status, agent, since, limit, clock.instant());
    GoalPage page = queries.list(query, PeerClient.passedOn(authorization), false);
    model.addAllAttributes(
        renderer.listModel(page.goals(), page.missing(), query, request.getContextPath()));
    model.addAttribute("filters", new Filters(status, agent, since, limit));
    model.addAttribute(
        "streamUrl", request.getContextPath() + "/live/goals?" + query.queryString());
    return "console/goals";
  }

  @GetMapping(path = "/goals/{goalId}", produces = MediaType.TEXT_HTML_VALUE)
  String goal(
      @PathVariable String goalId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      HttpServletRequest request,
      Model model) {
    GoalJournalView view = queries.journal(goalId, PeerClient.passedOn(authorization), false);
    model.addAllAttributes(renderer.goalModel(view, request.getContextPath()));
    model.addAttribute("streamUrl", request.getContextPath() + "/live/goals/" + encoded(goalId));
    return "console/goal";
  }

  @GetMapping(path = "/live/goals", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  SseEmitter liveGoals(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String agent,
      @RequestParam(required = false) String since,
      @RequestParam(required = false) Integer limit,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      HttpServletRequest request) {
    RecentGoalsQuery query = RecentGoalsQuery.parse(status, agent, since, limit, clock.instant());
    SseConnection connection = live.connect();
    live.followList(
        query,
        PeerClient.passedOn(authorization),
        false,
        new ConsoleSinks.GoalTable(connection, renderer, request.getContextPath()),
        connection);
    return connection.emitter();
  }

  @GetMapping(path = "/live/goals/{goalId}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  SseEmitter liveGoal(
      @PathVariable String goalId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      HttpServletRequest request) {
    SseConnection connection = live.connect();
    Map<String, String> passedOn = PeerClient.passedOn(authorization);
    live.followGoal(
        goalId,
        null,
        passedOn,
        false,
        new ConsoleSinks.GoalPanel(
            goalId, connection, renderer, queries, passedOn, request.getContextPath(), clock),
        connection);
    return connection.emitter();
  }

  @ExceptionHandler
  ModelAndView unknownGoal(UnknownGoalException e) {
    return errorPage(HttpStatus.NOT_FOUND, "Unknown goal", e.getMessage());
  }

  @ExceptionHandler
  ModelAndView badQuery(RecentGoalsQuery.InvalidQueryException e) {
    return errorPage(HttpStatus.BAD_REQUEST, "Bad filter", e.getMessage());
  }

  @ExceptionHandler({GoalUnavailableException.class, GoalStates.StateNotReadyException.class})
  ModelAndView unavailable(RuntimeException e) {
    return errorPage(HttpStatus.SERVICE_UNAVAILABLE, "Not available right now", e.getMessage());
  }

  private static ModelAndView errorPage(HttpStatus status, String title, String detail) {
    ModelAndView page = new ModelAndView("console/error");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("title", title);
    page.addObject("detail", detail);
    return page;
  }

  private static String encoded(String goalId) {
    return org.springframework.web.util.UriUtils.encodePathSegment(goalId, "UTF-8");
  }

  /** The list's filters as the person typed them, to fill the form again. */
  record Filters(String status, String agent, String since, Integer limit) {}
}
