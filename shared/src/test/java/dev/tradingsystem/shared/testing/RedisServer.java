package dev.tradingsystem.shared.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} (the Debian package) started by a test on a free port, without
 * persistence ({@code --save '' --appendonly no}), stopped by {@link #close()}. Where the binary
 * is missing the test reports itself skipped with the reason; CI sets
 * {@code TRADING_REQUIRE_SERVICES=true} so a missing binary fails instead.
 */
public final class RedisServer implements AutoCloseable {

  private static final List<String> CANDIDATES = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server",
      "/usr/sbin/redis-server");
  private static final long START_TIMEOUT_MS = 15_000;

  private final Process process;
  private final int port;

  private RedisServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a server, or skips (locally) / fails (CI) the calling test when none is installed. */
  public static RedisServer start() {
    Path binary = findBinary();
    if (binary == null) {
      String reason = "redis-server is not installed (apt-get install -y redis-server)";
      if (Boolean.parseBoolean(System.getenv("TRADING_REQUIRE_SERVICES"))) {
        Assertions.fail(reason + " and TRADING_REQUIRE_SERVICES=true");
      }
      Assumptions.abort(reason);
    }
    try {
      int port = freePort();
      Process process = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--loglevel", "notice")
          .redirectErrorStream(true).start();
      awaitReady(process);
      return new RedisServer(process, port);
    } catch (IOException e) {
      throw new IllegalStateException("could not start redis-server: " + e.getMessage(), e);
    }
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static Path findBinary() {
    String path = System.getenv("PATH");
    List<Path> candidates = new ArrayList<>();
    if (path != null) {
      for (String dir : path.split(":")) {
        candidates.add(Path.of(dir, "redis-server"));
      }
    }
    CANDIDATES.forEach(c -> candidates.add(Path.of(c)));
    return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Reads the server's log until it says it accepts connections (no polling, no sleeping). */
  private static void awaitReady(Process process) {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    StringBuilder log = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          synchronized (log) {
            log.append(line).append('\n');
          }
          if (line.contains("Ready to accept connections")) {
            ready.complete(null);
          }
        }
        ready.completeExceptionally(new IllegalStateException("redis-server exited"));
      } catch (IOException e) {
        ready.completeExceptionally(e);
      }
    }, "redis-server-log");
    reader.setDaemon(true);
    reader.start();
    try {
      ready.get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      synchronized (log) {
        throw new IllegalStateException("redis-server did not become ready: " + e + "\n" + log, e);
      }
    }
  }
}
