package dev.switchboard.handoff;

import dev.switchboard.handoff.EscalationDesk.Accepted;
import dev.switchboard.handoff.ItemFilter.StatusFilter;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What one handoff instance asks another (with the shared peer token): this instance's own items,
 * and answers to decide here for a person authenticated there.
 */
@Hidden
@RestController
@RequestMapping(PeerClient.ITEMS)
class PeerController {
  private final EscalationDesk desk;

  PeerController(EscalationDesk desk) {
    this.desk = desk;
  }

  @GetMapping
  List<InboxItem> items(
      @RequestParam(required = false) StatusFilter status,
      @RequestParam(required = false) String queue,
      @RequestParam(required = false) String agent,
      @RequestParam(required = false) EscalationKind kind,
      @RequestParam(required = false) String goalId) {
    return desk.items(new ItemFilter(status, queue, agent, kind, goalId));
  }

  @GetMapping("/{escalationId}")
  InboxItem item(@PathVariable String escalationId) {
    return desk.find(escalationId);
  }

  @PostMapping("/{escalationId}/answers")
  Accepted act(@PathVariable String escalationId, @RequestBody PeerClient.PeerAnswer answer) {
    return desk.act(answer.caller(), escalationId, answer.answer(), answer.origin());
  }
}
