package dev.switchboard.bench.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's used heap after a full GC, through {@code jcmd <pid> GC.run} and {@code
 * GC.heap_info}.
 */
final class HeapProbe {
  // Serial / Parallel: "<generation> total 4544K, used 1480K" per generation; G1: "garbage-first
  // heap total reserved 393216K, committed 65536K, used 1024K".
  private static final Pattern USED = Pattern.compile("(?:total|committed) (\\d+)K, used (\\d+)K");

  private final Path jcmd;
  private final Path pidDir;

  HeapProbe(Path jcmd, Path pidDir) {
    this.jcmd = jcmd;
    this.pidDir = pidDir;
  }

  /** Used heap in KB after a full GC, by service. */
  Map<String, Long> usedAfterGc(Iterable<String> services)
      throws IOException, InterruptedException {
    Map<String, Long> used = new LinkedHashMap<>();
    for (String service : services) {
      String pid = Files.readString(pidDir.resolve(service + ".pid")).trim();
      run(pid, "GC.run");
      run(pid, "GC.run");
      String info = run(pid, "GC.heap_info");
      long total = 0;
      Matcher matcher = USED.matcher(info);
      while (matcher.find()) {
        total += Long.parseLong(matcher.group(2));
      }
      used.put(service, total);
    }
    return used;
  }

  private String run(String pid, String command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(jcmd.toString(), pid, command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " " + command + " failed: " + out);
    }
    return out;
  }
}
