package dev.switchboard.handoff;

import dev.switchboard.contracts.EscalationIds;
import dev.switchboard.edge.GoalStates.StateNotReadyException;
import dev.switchboard.handoff.EscalationDesk.Accepted;
import dev.switchboard.handoff.GoalOwners.Owner;
import dev.switchboard.websecurity.Caller;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The inbox as every instance answers for it: a single item is read and answered where its goal's
 * partition is (here, or forwarded to the owning instance); a list asks every instance and merges.
 * People see only the items of queues their roles cover.
 */
final class InboxRouter {
  static final int MAX_PAGE_SIZE = 200;
  private static final Comparator<InboxItem> OLDEST_FIRST =
      Comparator.comparing(InboxItem::createdAt).thenComparing(InboxItem::escalationId);

  /** One page of a list, oldest first. */
  record ItemPage(List<InboxItem> items, int page, int size, int totalItems) {
    int totalPages() {
      return totalItems == 0 ? 0 : (totalItems + size - 1) / size;
    }
  }

  private final EscalationDesk desk;
  private final GoalOwners owners;
  private final PeerClient peers;
  private final InboxAuthority authority;

  InboxRouter(EscalationDesk desk, GoalOwners owners, PeerClient peers, InboxAuthority authority) {
    this.desk = desk;
    this.owners = owners;
    this.peers = peers;
    this.authority = authority;
  }

  InboxItem item(Caller caller, String escalationId) {
    InboxItem item =
        switch (ownerOf(escalationId)) {
          case Owner.Here here -> desk.find(escalationId);
          case Owner.There there -> peers.item(there.baseUrl(), escalationId);
        };
    if (!authority.maySee(caller, item)) {
      throw new InboxProblem.Refused(
          "'" + caller.name() + "' may not see items of queue " + item.queue());
    }
    return item;
  }

  /** The item as its owner holds it now, for the live feed; empty when it cannot be read. */
  Optional<InboxItem> peek(String escalationId) {
    try {
      return Optional.of(
          switch (ownerOf(escalationId)) {
            case Owner.Here here -> desk.find(escalationId);
            case Owner.There there -> peers.item(there.baseUrl(), escalationId);
          });
    } catch (InboxProblem | StateNotReadyException notNow) {
      return Optional.empty();
    }
  }

  Accepted act(Caller caller, String escalationId, Answer answer, RequestOrigin origin) {
    return switch (ownerOf(escalationId)) {
      case Owner.Here here -> desk.act(caller, escalationId, answer, origin);
      case Owner.There there ->
          peers.act(
              there.baseUrl(), escalationId, new PeerClient.PeerAnswer(caller, answer, origin));
    };
  }

  ItemPage items(Caller caller, ItemFilter filter, int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new InboxProblem.InvalidAnswer(
          "page must be 0 or more and size 1 to " + MAX_PAGE_SIZE + ", not " + page + "/" + size);
    }
    List<InboxItem> visible =
        everywhere(filter).stream()
            .filter(item -> authority.maySee(caller, item))
            .sorted(OLDEST_FIRST)
            .toList();
    int from = Math.min(page * size, visible.size());
    int to = Math.min(from + size, visible.size());
    return new ItemPage(visible.subList(from, to), page, size, visible.size());
  }

  /** This instance's items and every other instance's, asked at the same time. */
  private List<InboxItem> everywhere(ItemFilter filter) {
    List<URI> others = owners.others();
    if (others.isEmpty()) {
      return desk.items(filter);
    }
    try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<List<InboxItem>>> answers = new ArrayList<>();
      for (URI peer : others) {
        answers.add(calls.submit(() -> peers.items(peer, filter)));
      }
      List<InboxItem> all = new ArrayList<>(desk.items(filter));
      for (Future<List<InboxItem>> answer : answers) {
        all.addAll(answer.get());
      }
      return all;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateNotReadyException("interrupted while asking the other handoff instances");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private Owner ownerOf(String escalationId) {
    String goalId =
        EscalationIds.goalIdOf(escalationId)
            .orElseThrow(() -> InboxProblem.NotFound.escalation(escalationId));
    return owners.ownerOf(goalId);
  }
}
