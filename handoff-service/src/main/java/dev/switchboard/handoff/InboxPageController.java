package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.Owners;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.edge.GoalStates.StateNotReadyException;
import dev.switchboard.handoff.EscalationDesk.Accepted;
import dev.switchboard.handoff.ItemFilter.StatusFilter;
import dev.switchboard.websecurity.Caller;
import dev.switchboard.websecurity.SwitchboardWebSecurity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The inbox page: a live list of what waits for the person's queues, and each item with its full
 * context and the answers the person may give. Every answer confirms what happened; a refused one
 * shows why, with its HTTP status, and writes nothing.
 */
@Controller
class InboxPageController {
  private final InboxRouter inbox;
  private final InboxEvents events;
  private final SlaClock sla;
  private final InboxAuthority authority;
  private final InboxLinks links;
  private final SwitchboardWebSecurity security;
  private final EventCodec codec;
  private final AgentTargets agents;

  /** A message at the top of the page after an answer. */
  record Notice(String level, String text, List<ArgumentsDiff.Change> diff) {}

  InboxPageController(
      InboxRouter inbox,
      InboxEvents events,
      SlaClock sla,
      InboxAuthority authority,
      InboxLinks links,
      SwitchboardWebSecurity security,
      EventCodec codec,
      AgentTargets agents) {
    this.inbox = inbox;
    this.events = events;
    this.sla = sla;
    this.authority = authority;
    this.links = links;
    this.security = security;
    this.codec = codec;
    this.agents = agents;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/inbox";
  }

  @GetMapping(SwitchboardWebSecurity.LOGIN_PAGE)
  String login(
      Model model,
      @RequestParam(required = false) String error,
      @RequestParam(name = "signed-out", required = false) String signedOut) {
    model.addAllAttributes(security.loginModel(error != null, signedOut != null));
    return "login";
  }

  @GetMapping("/inbox")
  String list(
      Authentication authentication,
      Model model,
      @RequestParam(required = false) StatusFilter status,
      @RequestParam(required = false) String queue,
      @RequestParam(required = false) String agent,
      @RequestParam(required = false) EscalationKind type) {
    Caller caller = Caller.of(authentication);
    ItemFilter filter = new ItemFilter(status, queue, agent, type, null);
    InboxRouter.ItemPage page = inbox.items(caller, filter, 0, InboxRouter.MAX_PAGE_SIZE);
    List<ItemCard> cards =
        page.items().stream()
            .map(item -> ItemCard.of(item, caller, sla, authority, links))
            .toList();
    // The filters offer the queues and agents of this status, and whatever is chosen now.
    InboxRouter.ItemPage all =
        filter.queue() == null && filter.agent() == null && filter.kind() == null
            ? page
            : inbox.items(
                caller,
                new ItemFilter(filter.status(), null, null, null, null),
                0,
                InboxRouter.MAX_PAGE_SIZE);
    model.addAttribute("caller", caller);
    model.addAttribute("cards", cards);
    model.addAttribute("total", page.totalItems());
    model.addAttribute(
        "overdue", cards.stream().filter(c -> c.slaClass().equals("sla-overdue")).count());
    model.addAttribute("filter", filter);
    model.addAttribute(
        "queues", new TreeSet<>(all.items().stream().map(InboxItem::queue).toList()));
    model.addAttribute(
        "agents",
        new TreeSet<>(
            all.items().stream()
                .map(InboxItem::agent)
                .filter(java.util.Objects::nonNull)
                .toList()));
    model.addAttribute("kinds", EscalationKind.values());
    model.addAttribute("statuses", StatusFilter.values());
    model.addAttribute("refreshUrl", refreshUrl(filter));
    return "inbox";
  }

  @GetMapping(path = "/inbox/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter liveUpdates(
      Authentication authentication, @RequestParam(required = false) String escalationId) {
    return events.subscribe(Caller.of(authentication), escalationId);
  }

  @GetMapping("/inbox/{escalationId}")
  String item(Authentication authentication, Model model, @PathVariable String escalationId) {
    return show(
        Caller.of(authentication), model, inbox.item(Caller.of(authentication), escalationId));
  }

  @PostMapping("/inbox/{escalationId}/approve")
  String approve(
      Authentication authentication,
      HttpServletRequest request,
      @PathVariable String escalationId,
      @RequestParam(required = false) String comment,
      RedirectAttributes redirect) {
    return answer(authentication, request, escalationId, new Answer.Approve(comment), redirect);
  }

  @PostMapping("/inbox/{escalationId}/deny")
  String deny(
      Authentication authentication,
      HttpServletRequest request,
      @PathVariable String escalationId,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return answer(authentication, request, escalationId, new Answer.Deny(reason), redirect);
  }

  @PostMapping("/inbox/{escalationId}/edit")
  String edit(
      Authentication authentication,
      HttpServletRequest request,
      @PathVariable String escalationId,
      @RequestParam(required = false) String arguments,
      RedirectAttributes redirect) {
    return answer(
        authentication, request, escalationId, new Answer.Edit(parsed(arguments)), redirect);
  }

  /** The diff of an edit as the person types it (htmx). */
  @PostMapping("/inbox/{escalationId}/edit/preview")
  String previewEdit(
      Authentication authentication,
      Model model,
      @PathVariable String escalationId,
      @RequestParam(required = false) String arguments) {
    InboxItem item = inbox.item(Caller.of(authentication), escalationId);
    try {
      JsonNode edited = codec.mapper().readTree(arguments == null ? "" : arguments);
      if (edited == null || !edited.isObject()) {
        model.addAttribute("problem", "the arguments must be a JSON object");
      } else {
        model.addAttribute("diff", ArgumentsDiff.between(item.action().arguments(), edited));
      }
    } catch (JacksonException e) {
      model.addAttribute("problem", "not valid JSON yet: " + e.getOriginalMessage());
    }
    return "fragments :: diff";
  }

  @PostMapping("/inbox/{escalationId}/answer")
  String reply(
      Authentication authentication,
      HttpServletRequest request,
      @PathVariable String escalationId,
      @RequestParam(required = false) String answer,
      RedirectAttributes redirect) {
    return answer(authentication, request, escalationId, new Answer.Reply(answer), redirect);
  }

  @PostMapping("/inbox/{escalationId}/take-over")
  String takeOver(
      Authentication authentication,
      HttpServletRequest request,
      @PathVariable String escalationId,
      @RequestParam(required = false) String result,
      RedirectAttributes redirect) {
    return answer(authentication, request, escalationId, new Answer.TakeOver(result), redirect);
  }

  @PostMapping("/inbox/{escalationId}/reassign")
  String reassign(
      Authentication authentication,
      HttpServletRequest request,
      @PathVariable String escalationId,
      @RequestParam(required = false) String to,
      RedirectAttributes redirect) {
    return answer(authentication, request, escalationId, new Answer.Reassign(to), redirect);
  }

  /** A refused or impossible answer re-renders the item with the reason and the status code. */
  @ExceptionHandler(InboxProblem.class)
  String problem(
      InboxProblem problem,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    response.setStatus(problem.status().value());
    model.addAttribute("problem", problem.getMessage());
    String escalationId = escalationIdOf(request);
    if (escalationId != null && !(problem instanceof InboxProblem.NotFound)) {
      try {
        Caller caller = Caller.of(authentication);
        return show(caller, model, inbox.item(caller, escalationId));
      } catch (InboxProblem | StateNotReadyException unreadable) {
        // Fall through to the plain error page.
      }
    }
    model.addAttribute("status", problem.status().value());
    if (authentication != null) {
      model.addAttribute("caller", Caller.of(authentication));
    }
    return "problem";
  }

  @ExceptionHandler(StateNotReadyException.class)
  String notReady(
      StateNotReadyException e,
      Authentication authentication,
      HttpServletResponse response,
      Model model) {
    if (authentication != null) {
      model.addAttribute("caller", Caller.of(authentication));
    }
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    model.addAttribute("status", HttpStatus.SERVICE_UNAVAILABLE.value());
    model.addAttribute("problem", e.getMessage() + " (reload in a moment)");
    return "problem";
  }

  private String answer(
      Authentication authentication,
      HttpServletRequest request,
      String escalationId,
      Answer answer,
      RedirectAttributes redirect) {
    Caller caller = Caller.of(authentication);
    InboxItem before = inbox.item(caller, escalationId);
    Accepted accepted = inbox.act(caller, escalationId, answer, RequestOrigin.of(request));
    redirect.addFlashAttribute("notice", noticeOf(before, answer, accepted));
    // The notice is for the page this redirect loads, not for the live update this answer sets
    // off on the page still open (htmx GETs the same path): a query parameter tells them apart.
    if (answer instanceof Answer.Reassign moved
        && Owners.isHuman(moved.to().strip())
        && !authority.covers(caller, moved.to().strip())) {
      // Moved to a queue this person does not work: its page would refuse them, the list confirms.
      return "redirect:/inbox?answered=" + accepted.resolution().eventId();
    }
    return "redirect:/inbox/"
        + UriUtils.encodePathSegment(escalationId, "UTF-8")
        + "?answered="
        + accepted.resolution().eventId();
  }

  private String show(Caller caller, Model model, InboxItem item) {
    model.addAttribute("caller", caller);
    model.addAttribute("card", ItemCard.of(item, caller, sla, authority, links));
    // Offered for "reassign" (an approval stays with people); typing a human:<queue> still works.
    model.addAttribute(
        "agentTargets",
        item.kind() == EscalationKind.ApprovalRequested ? List.of() : agents.agentTargets());
    return "item";
  }

  private JsonNode parsed(String arguments) {
    try {
      return codec.mapper().readTree(arguments == null ? "" : arguments);
    } catch (JacksonException e) {
      throw new InboxProblem.InvalidAnswer(
          "the edited arguments are not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** What the person did, in words, so they know it counted (or that it had counted already). */
  private static Notice noticeOf(InboxItem item, Answer answer, Accepted accepted) {
    ResolutionEvent resolution = accepted.resolution();
    if (!accepted.written()) {
      return new Notice(
          "info",
          "Nothing changed: this was already "
              + EventCodec.typeName(resolution).toLowerCase(java.util.Locale.ROOT)
              + " by "
              + resolution.actor()
              + " at "
              + resolution.occurredAt()
              + ".",
          List.of());
    }
    String tool = item.action() == null ? null : item.action().tool();
    return switch (answer) {
      case Answer.Approve approve ->
          new Notice(
              "ok",
              "Approved. The guardrail signs " + tool + " and the executor runs it now.",
              List.of());
      case Answer.Deny deny ->
          new Notice(
              "ok",
              "Denied: "
                  + deny.reason().strip()
                  + ". "
                  + tool
                  + " will not run; the agent is told why.",
              List.of());
      case Answer.Edit edit ->
          new Notice(
              "ok",
              "Approved with your changes. The guardrail checks the edited "
                  + tool
                  + " again before it runs.",
              ArgumentsDiff.between(item.action().arguments(), edit.arguments()));
      case Answer.Reply reply ->
          new Notice("ok", "Your answer went to agent " + item.agent() + ".", List.of());
      case Answer.TakeOver takeOver ->
          new Notice(
              "ok",
              "Recorded that you took this over: " + takeOver.result().strip() + ".",
              List.of());
      case Answer.Reassign reassign ->
          new Notice("ok", "Reassigned to " + reassign.to().strip() + ".", List.of());
    };
  }

  private static String refreshUrl(ItemFilter filter) {
    StringBuilder url = new StringBuilder("/inbox?status=").append(filter.status());
    for (Map.Entry<String, String> param :
        Map.of(
                "queue", String.valueOf(filter.queue()),
                "agent", String.valueOf(filter.agent()),
                "type", String.valueOf(filter.kind()))
            .entrySet()) {
      if (!param.getValue().equals("null")) {
        url.append('&')
            .append(param.getKey())
            .append('=')
            .append(UriUtils.encodeQueryParam(param.getValue(), "UTF-8"));
      }
    }
    return url.toString();
  }

  private static String escalationIdOf(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (!path.startsWith("/inbox/")) {
      return null;
    }
    String rest = path.substring("/inbox/".length());
    int slash = rest.indexOf('/');
    String id = slash < 0 ? rest : rest.substring(0, slash);
    return id.isEmpty() || id.equals("events") ? null : UriUtils.decode(id, "UTF-8");
  }
}
