package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.ResolutionEvent;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox over HTTP. Escalation ids contain {@code /}, so clients encode them in paths ({@code
 * %2F}); the actor is whoever {@link OperatorAuthInterceptor} authenticated.
 */
@RestController
@RequestMapping("/api/escalations")
class EscalationController {

  /** Body of {@code POST .../approve}; optional. */
  record ApproveRequest(String comment) {}

  /** Body of {@code POST .../deny}. */
  record DenyRequest(String reason) {}

  /** Answer of approve and deny: the resolution was written. */
  record ResolutionAccepted(String escalationId, String resolution, String actor) {
    static ResolutionAccepted of(ResolutionEvent resolution) {
      return new ResolutionAccepted(
          resolution.escalationId(), EventCodec.typeName(resolution), resolution.actor());
    }
  }

  private final EscalationDesk desk;

  EscalationController(EscalationDesk desk) {
    this.desk = desk;
  }

  @GetMapping
  List<EscalationView> pending(@RequestParam(required = false) String goalId) {
    return desk.pending(Optional.ofNullable(goalId)).stream().map(EscalationView::of).toList();
  }

  @GetMapping("/{escalationId}")
  EscalationView one(@PathVariable String escalationId) {
    return EscalationView.of(desk.find(escalationId));
  }

  @PostMapping("/{escalationId}/approve")
  ResponseEntity<ResolutionAccepted> approve(
      @PathVariable String escalationId,
      @RequestAttribute(OperatorAuthInterceptor.ACTOR) String actor,
      @RequestBody(required = false) ApproveRequest body) {
    String comment = body == null ? null : body.comment();
    return ResponseEntity.accepted()
        .body(ResolutionAccepted.of(desk.approve(escalationId, actor, comment)));
  }

  @PostMapping("/{escalationId}/deny")
  ResponseEntity<ResolutionAccepted> deny(
      @PathVariable String escalationId,
      @RequestAttribute(OperatorAuthInterceptor.ACTOR) String actor,
      @RequestBody DenyRequest body) {
    return ResponseEntity.accepted()
        .body(ResolutionAccepted.of(desk.deny(escalationId, actor, body.reason())));
  }
}
