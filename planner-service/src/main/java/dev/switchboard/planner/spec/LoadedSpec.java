package dev.switchboard.planner.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A spec as read, with the hash of its content: goals name the version they run by it, so a changed
 * file does not move running goals.
 *
 * @param source where it was read, e.g. {@code examples/sales/agents/sdr.yaml}
 * @param content the file as read
 */
public record LoadedSpec(AgentSpec spec, String contentHash, String source, String content) {

  public String name() {
    return spec.name();
  }

  /** {@code sha256:<hex>} of the UTF-8 bytes. */
  public static String hashOf(String content) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "LoadedSpec[" + name() + " " + contentHash + " from " + source + "]";
  }
}
