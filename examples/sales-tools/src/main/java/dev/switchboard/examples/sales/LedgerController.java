package dev.switchboard.examples.sales;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only: every email sent, activity logged and follow-up scheduled, and per idempotency key how
 * often it was asked for ({@code calls}) and how often it acted ({@code effects}, counted from the
 * stored records) — so anyone can see nothing happened twice.
 */
@RestController
class LedgerController {
  private final SalesBook book;

  LedgerController(SalesBook book) {
    this.book = book;
  }

  @GetMapping("/api/ledger")
  Map<String, Object> ledger(@RequestParam(required = false) String key) {
    return book.ledger(key);
  }
}
