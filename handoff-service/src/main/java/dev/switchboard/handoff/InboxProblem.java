package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.ResolutionEvent;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Why the inbox will not do what was asked, with its HTTP status and a problem type clients can
 * tell apart; the message is the problem's {@code detail}. An instance that forwards a request to
 * the item's owner re-raises the owner's problem with {@link #relayed}.
 */
public abstract sealed class InboxProblem extends RuntimeException {
  private static final String TYPES = "https://switchboard.dev/problems/";

  private final HttpStatus status;
  private final String type;

  InboxProblem(HttpStatus status, String type, String detail) {
    super(detail);
    this.status = status;
    this.type = type;
  }

  public HttpStatus status() {
    return status;
  }

  public URI type() {
    return URI.create(TYPES + type);
  }

  /** Extra members of the problem, e.g. who decided first. */
  public Map<String, Object> properties() {
    return Map.of();
  }

  /** 404: no such escalation. */
  public static final class NotFound extends InboxProblem {
    NotFound(String detail) {
      super(HttpStatus.NOT_FOUND, "escalation-not-found", detail);
    }

    static NotFound escalation(String escalationId) {
      return new NotFound("no escalation '" + escalationId + "' in the inbox");
    }
  }

  /** 400: the answer itself is incomplete or does not fit. */
  public static final class InvalidAnswer extends InboxProblem {
    InvalidAnswer(String detail) {
      super(HttpStatus.BAD_REQUEST, "invalid-answer", detail);
    }
  }

  /** 400: the reassignment names an agent the agents catalog does not list. */
  public static final class UnknownAgent extends InboxProblem {
    private final Map<String, Object> agents;

    private UnknownAgent(String detail, String agent, List<String> knownAgents) {
      super(HttpStatus.BAD_REQUEST, "unknown-agent", detail);
      this.agents = Map.of("agent", agent, "knownAgents", List.copyOf(knownAgents));
    }

    static UnknownAgent of(String agent, List<String> knownAgents) {
      return new UnknownAgent(
          "there is no "
              + agent
              + " to hand the goal to: the agents catalog lists "
              + (knownAgents.isEmpty() ? "no agent" : String.join(", ", knownAgents))
              + "; reassign to one of them or to a human:<queue>",
          agent,
          knownAgents);
    }

    @Override
    public Map<String, Object> properties() {
      return agents;
    }
  }

  /** 503: the agents catalog has not been read yet; retry in a moment. Nothing was written. */
  public static final class AgentsNotLoaded extends InboxProblem {
    AgentsNotLoaded(String detail) {
      super(HttpStatus.SERVICE_UNAVAILABLE, "agents-not-loaded", detail);
    }
  }

  /** 403: this person may not give this answer; nothing was written. */
  public static final class Refused extends InboxProblem {
    Refused(String detail) {
      super(HttpStatus.FORBIDDEN, "answer-refused", detail);
    }
  }

  /** 409: someone decided first, and differently. */
  public static final class AlreadyDecided extends InboxProblem {
    private final Map<String, Object> decided;

    AlreadyDecided(String escalationId, ResolutionEvent first) {
      super(
          HttpStatus.CONFLICT,
          "already-decided",
          "escalation '"
              + escalationId
              + "' is already resolved ("
              + EventCodec.typeName(first)
              + " by "
              + first.actor()
              + " at "
              + first.occurredAt()
              + ")");
      this.decided =
          Map.of(
              "decision", EventCodec.typeName(first),
              "decidedBy", first.actor(),
              "decidedAt", first.occurredAt().toString());
    }

    private AlreadyDecided(String detail, Map<String, Object> problem) {
      super(HttpStatus.CONFLICT, "already-decided", detail);
      Map<String, Object> decided = new java.util.LinkedHashMap<>();
      for (String member : List.of("decision", "decidedBy", "decidedAt")) {
        if (problem.get(member) != null) {
          decided.put(member, problem.get(member));
        }
      }
      this.decided = Map.copyOf(decided);
    }

    @Override
    public Map<String, Object> properties() {
      return decided;
    }
  }

  /** 409: the answer does not fit this kind of escalation (approving a question). */
  public static final class DoesNotFit extends InboxProblem {
    DoesNotFit(String detail) {
      super(HttpStatus.CONFLICT, "answer-does-not-fit", detail);
    }
  }

  /** 409: the deadline passed; the item expired instead of taking the answer. */
  public static final class DeadlinePassed extends InboxProblem {
    DeadlinePassed(String detail) {
      super(HttpStatus.CONFLICT, "deadline-passed", detail);
    }
  }

  /**
   * The problem another instance answered with, raised again here; null for a status the inbox does
   * not answer with itself.
   */
  static InboxProblem relayed(
      int status, String type, String detail, Map<String, Object> properties) {
    String name = type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
    return switch (status) {
      case 404 -> new NotFound(detail);
      case 400 ->
          name.equals("unknown-agent")
              ? new UnknownAgent(
                  detail,
                  String.valueOf(properties.get("agent")),
                  properties.get("knownAgents") instanceof List<?> known
                      ? known.stream().map(String::valueOf).toList()
                      : List.of())
              : new InvalidAnswer(detail);
      case 403 -> new Refused(detail);
      case 409 ->
          switch (name) {
            case "deadline-passed" -> new DeadlinePassed(detail);
            case "answer-does-not-fit" -> new DoesNotFit(detail);
            default -> new AlreadyDecided(detail, properties);
          };
      case 503 -> name.equals("agents-not-loaded") ? new AgentsNotLoaded(detail) : null;
      default -> null;
    };
  }
}
