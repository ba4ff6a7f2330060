package dev.switchboard.cli;

import java.net.URI;

/** Checks a service base URL from the command line and drops a trailing slash. */
final class ServiceUrl {
  private ServiceUrl() {}

  static String normalize(String url, String option) {
    String trimmed = url.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      URI uri = URI.create(trimmed);
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + " '" + url + "' is not an http(s) URL");
    }
    return trimmed;
  }
}
