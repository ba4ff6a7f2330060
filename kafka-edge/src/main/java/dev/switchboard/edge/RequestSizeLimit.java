package dev.switchboard.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over the limit with a 413 problem detail before anything reads them, so a
 * huge body is never read whole nor turned into an event the broker would refuse. A body of unknown
 * length (chunked) is refused too: every Switchboard client sends a length.
 */
public final class RequestSizeLimit extends OncePerRequestFilter {
  private final long maxBytes;
  private final boolean refuseUnknownLength;
  private final JsonMapper json;

  /** Refuses bodies over the limit and bodies of unknown length (chunked). */
  public RequestSizeLimit(long maxBytes, JsonMapper json) {
    this(maxBytes, true, json);
  }

  /**
   * @param refuseUnknownLength false lets chunked bodies through (Spring's RestClient sends them,
   *     e.g. between handoff instances); only a declared length is checked then
   */
  public RequestSizeLimit(long maxBytes, boolean refuseUnknownLength, JsonMapper json) {
    this.maxBytes = maxBytes;
    this.refuseUnknownLength = refuseUnknownLength;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    if (length <= maxBytes && !(refuseUnknownLength && chunked && length < 0)) {
      chain.doFilter(request, response);
      return;
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
    problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
    problem.put(
        "detail",
        chunked && length < 0
            ? "request bodies of unknown length are not accepted; at most " + maxBytes + " bytes"
            : "request body of " + length + " bytes exceeds the limit of " + maxBytes + " bytes");
    problem.put("instance", request.getRequestURI());
    response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    // The unread body is not worth keeping the connection for.
    response.setHeader("Connection", "close");
    response
        .getOutputStream()
        .write(json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
  }
}
