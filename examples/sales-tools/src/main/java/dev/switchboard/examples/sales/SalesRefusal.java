package dev.switchboard.examples.sales;

/** A tool's clean "no" (unknown account, bad address): nothing changed. */
final class SalesRefusal extends Exception {
  SalesRefusal(String message) {
    super(message);
  }
}
