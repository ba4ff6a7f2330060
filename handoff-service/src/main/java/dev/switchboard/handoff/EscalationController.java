package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.handoff.EscalationDesk.Accepted;
import dev.switchboard.handoff.ItemFilter.StatusFilter;
import dev.switchboard.websecurity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The inbox over REST, for people's tools and other systems. Every answer is authorized before it
 * is written; the same decision twice gives the first answer again.
 */
@RestController
@RequestMapping("/api/escalations")
@Tag(name = "escalations", description = "The human inbox: list, read and answer escalations")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
class EscalationController {

  record ApproveRequest(String comment) {}

  record DenyRequest(String reason) {}

  /**
   * @param arguments the tool's new arguments, a JSON object
   */
  record EditRequest(JsonNode arguments) {}

  record AnswerRequest(String answer) {}

  /**
   * @param result what the person did and how it ended
   */
  record TakeOverRequest(String result) {}

  /**
   * @param to {@code human:<queue>} or {@code agent:<name>}
   */
  record ReassignRequest(String to) {}

  /** The answer in force: written now, or (for the same decision again) written before. */
  record ResolutionAccepted(
      String escalationId, String resolution, String actor, UUID eventId, Instant decidedAt) {
    static ResolutionAccepted of(ResolutionEvent resolution) {
      return new ResolutionAccepted(
          resolution.escalationId(),
          EventCodec.typeName(resolution),
          resolution.actor(),
          resolution.eventId(),
          resolution.occurredAt());
    }
  }

  /** One page of items, oldest first. */
  record EscalationPage(
      List<EscalationView> items, int page, int size, int totalItems, int totalPages) {}

  private final InboxRouter inbox;
  private final SlaClock sla;
  private final InboxLinks links;

  EscalationController(InboxRouter inbox, SlaClock sla, InboxLinks links) {
    this.inbox = inbox;
    this.sla = sla;
    this.links = links;
  }

  @GetMapping
  @Operation(summary = "Items of the queues your roles cover, oldest first, one page at a time")
  EscalationPage list(
      Authentication authentication,
      @Parameter(description = "PENDING (default), RESOLVED or ALL") @RequestParam(required = false)
          StatusFilter status,
      @RequestParam(required = false) String queue,
      @RequestParam(required = false) String agent,
      @Parameter(description = "ApprovalRequested, HandoffRequested or QuestionAsked")
          @RequestParam(required = false)
          EscalationKind type,
      @RequestParam(required = false) String goalId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    InboxRouter.ItemPage items =
        inbox.items(
            Caller.of(authentication),
            new ItemFilter(status, queue, agent, type, goalId),
            page,
            size);
    return new EscalationPage(
        items.items().stream().map(item -> EscalationView.of(item, sla, links)).toList(),
        items.page(),
        items.size(),
        items.totalItems(),
        items.totalPages());
  }

  @GetMapping("/{escalationId}")
  @Operation(summary = "One item, pending or resolved, with its history")
  EscalationView one(Authentication authentication, @PathVariable String escalationId) {
    return EscalationView.of(inbox.item(Caller.of(authentication), escalationId), sla, links);
  }

  @PostMapping("/{escalationId}/approve")
  @Operation(summary = "Let the proposed action run as it is")
  ResponseEntity<ResolutionAccepted> approve(
      Authentication authentication,
      HttpServletRequest request,
      @PathVariable String escalationId,
      @RequestBody(required = false) ApproveRequest body) {
    return act(
        authentication,
        request,
        escalationId,
        new Answer.Approve(body == null ? null : body.comment()));
  }

  @PostMapping("/{escalationId}/deny")
  @Operation(summary = "Stop the proposed action, with a reason")
  ResponseEntity<ResolutionAccepted> deny(
      Authentication authentication,
      HttpServletRequest request,
      @PathVariable String escalationId,
      @RequestBody DenyRequest body) {
    return act(authentication, request, escalationId, new Answer.Deny(body.reason()));
  }

  @PostMapping("/{escalationId}/edit")
  @Operation(summary = "Approve with changed arguments; the guardrail checks the edit again")
  ResponseEntity<ResolutionAccepted> edit(
      Authentication authentication,
      HttpServletRequest request,
      @PathVariable String escalationId,
      @RequestBody EditRequest body) {
    return act(authentication, request, escalationId, new Answer.Edit(body.arguments()));
  }

  @PostMapping("/{escalationId}/answer")
  @Operation(summary = "Answer an agent's question")
  ResponseEntity<ResolutionAccepted> answer(
      Authentication authentication,
      HttpServletRequest request,
      @PathVariable String escalationId,
      @RequestBody AnswerRequest body) {
    return act(authentication, request, escalationId, new Answer.Reply(body.answer()));
  }

  @PostMapping("/{escalationId}/take-over")
  @Operation(summary = "Record that you did the handed-over work yourself, and its result")
  ResponseEntity<ResolutionAccepted> takeOver(
      Authentication authentication,
      HttpServletRequest request,
      @PathVariable String escalationId,
      @RequestBody TakeOverRequest body) {
    return act(authentication, request, escalationId, new Answer.TakeOver(body.result()));
  }

  @PostMapping("/{escalationId}/reassign")
  @Operation(
      summary =
          "Move the item to another human queue, or hand the goal to an agent the agents catalog"
              + " lists (else 400 unknown-agent; 503 agents-not-loaded before it is read)")
  ResponseEntity<ResolutionAccepted> reassign(
      Authentication authentication,
      HttpServletRequest request,
      @PathVariable String escalationId,
      @RequestBody ReassignRequest body) {
    return act(authentication, request, escalationId, new Answer.Reassign(body.to()));
  }

  private ResponseEntity<ResolutionAccepted> act(
      Authentication authentication,
      HttpServletRequest request,
      String escalationId,
      Answer answer) {
    Accepted accepted =
        inbox.act(Caller.of(authentication), escalationId, answer, RequestOrigin.of(request));
    return ResponseEntity.accepted().body(ResolutionAccepted.of(accepted.resolution()));
  }
}
