package dev.tradingsystem.coordinator;

import dev.tradingsystem.coordinator.consensus.learning.BaseOverride;
import dev.tradingsystem.coordinator.consensus.learning.Posterior;
import dev.tradingsystem.coordinator.consensus.learning.Standing;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learned weights on disk, so a restart keeps what the coordinator learned. One JSON file:
 * <pre>{"format": "trading.coordinator.weights/1", "eventTimeUs": ..., "agents": {
 *   "deepseek": {"alpha": 7.5, "beta": 2.1, "hits": 12, "misses": 3, "weight": 1.56,
 *                "baseOverride": {"weight": 0.5, "configuredBase": 1.0}}}}</pre>
 * ({@code weight} is informational: the configured base weight may have changed since, so the
 * weight is always recomputed from the posterior; {@code baseOverride} is present only for an
 * agent whose base weight an operator set, see {@link BaseOverride}).
 *
 * <p>Writes go to a temporary file in the same directory, then an atomic move over the old one:
 * a crash mid-write leaves the previous file whole. A file that does not read (corrupted,
 * edited by hand, another format) is moved aside to {@code <name>.corrupt} and reported; the
 * coordinator then starts from its configured weights rather than failing.
 *
 * <p>Blocking I/O: call from a worker ({@code executeBlocking}), never from an event loop.
 */
final class WeightStore {

  static final String FORMAT = "trading.coordinator.weights/1";

  /** What reading the file gave: the posteriors and overrides, or the problem that made it unusable. */
  record Loaded(Map<String, Posterior> posteriors, Map<String, BaseOverride> overrides, String problem) {

    static Loaded failure(String problem) {
      return new Loaded(Map.of(), Map.of(), problem);
    }

    boolean failed() {
      return problem != null;
    }
  }

  private final Path file;

  WeightStore(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  Path file() {
    return file;
  }

  /** The saved posteriors; empty without a file; never throws. */
  Loaded read() {
    if (!Files.exists(file)) {
      return new Loaded(Map.of(), Map.of(), null);
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      String problem = file + " is unusable (" + e.getMessage() + ")";
      Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
      try {
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        problem += "; moved to " + aside;
      } catch (IOException moveFailure) {
        problem += "; could not move it aside: " + moveFailure.getMessage();
      }
      return Loaded.failure(problem);
    }
  }

  /** Replaces the file atomically with these standings. */
  void write(List<Standing> standings, long eventTimeUs) throws IOException {
    write(standings, Map.of(), eventTimeUs);
  }

  /** Replaces the file atomically with these standings and operator overrides. */
  void write(List<Standing> standings, Map<String, BaseOverride> overrides, long eventTimeUs) throws IOException {
    JsonObject agents = new JsonObject();
    for (Standing standing : standings) {
      Posterior p = standing.posterior();
      JsonObject entry = new JsonObject()
          .put("alpha", p.alpha()).put("beta", p.beta())
          .put("hits", p.hits()).put("misses", p.misses())
          .put("weight", standing.weight());
      BaseOverride override = overrides.get(standing.agent());
      if (override != null) {
        entry.put("baseOverride", new JsonObject().put("weight", override.weight())
            .put("configuredBase", override.configuredBase()));
      }
      agents.put(standing.agent(), entry);
    }
    String json = new JsonObject().put("format", FORMAT).put("eventTimeUs", eventTimeUs).put("agents", agents)
        .encodePrettily() + "\n";
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(temp, json, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Loaded parse(String text) {
    JsonObject root;
    try {
      root = new JsonObject(text);
    } catch (DecodeException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(root.getString("format"))) {
      throw new IllegalArgumentException("format is '" + root.getValue("format") + "', expected " + FORMAT);
    }
    JsonObject agents = root.getJsonObject("agents");
    if (agents == null) {
      throw new IllegalArgumentException("no agents object");
    }
    Map<String, Posterior> posteriors = new LinkedHashMap<>();
    Map<String, BaseOverride> overrides = new LinkedHashMap<>();
    for (String agent : agents.fieldNames()) {
      JsonObject entry = agents.getJsonObject(agent);
      posteriors.put(agent, new Posterior(number(entry, agent, "alpha"), number(entry, agent, "beta"),
          (long) number(entry, agent, "hits"), (long) number(entry, agent, "misses")));
      JsonObject override = entry.getJsonObject("baseOverride");
      if (override != null) {
        overrides.put(agent, new BaseOverride(number(override, agent, "baseOverride.weight"),
            number(override, agent, "baseOverride.configuredBase")));
      }
    }
    return new Loaded(posteriors, overrides, null);
  }

  private static double number(JsonObject entry, String agent, String field) {
    Object value = entry.getValue(field.substring(field.lastIndexOf('.') + 1));
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException(agent + "." + field + " is not a number: " + value);
    }
    return n.doubleValue();
  }
}
