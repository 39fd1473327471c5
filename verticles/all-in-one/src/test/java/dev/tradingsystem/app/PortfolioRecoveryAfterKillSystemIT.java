package dev.tradingsystem.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradingsystem.portfolio.JournalReplayer;
import dev.tradingsystem.portfolio.PortfolioConfig;
import dev.tradingsystem.portfolio.PortfolioEngine;
import dev.tradingsystem.portfolio.journal.JournalConfig;
import dev.tradingsystem.portfolio.journal.JournalReader;
import dev.tradingsystem.portfolio.journal.JournalRecord;
import dev.tradingsystem.portfolio.journal.JournalScan;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.ReplayProgress;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.runtime.ClusterSupport.ClusterOptions;
import dev.tradingsystem.shared.runtime.LaunchOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "No lost fill, no duplicate order, no invented fill": the co-located pipeline runs in a child
 * JVM (the real fat jar, {@code run} on the bundled Bitstamp trades, journal in a temp dir),
 * is SIGKILLed once its journal holds {@value #KILL_AFTER_FILLS} fills, and is started again on
 * the same journal.
 *
 * <p>What "equal" can honestly mean. Replay is deterministic (the tick barrier and event time make
 * every decision a function of the tape), so an uninterrupted run of the same data, here run in
 * this JVM, is the killed run's past. The journal is acknowledged-before-published, so the killed
 * run's journal, rebuilt here with {@link JournalReplayer}, must equal the uninterrupted run's
 * published {@code PortfolioState} for the journal's last applied seq S: positions, cash,
 * realised and unrealised P&amp;L, fees, equity peak and drawdown, open orders, order and fill
 * counts. Every journaled execution and accepted order must exist, identically, in the
 * uninterrupted run (nothing invented), once (nothing duplicated). Only the event metas differ
 * (they carry wall-clock ingest stamps), so they are left out of the comparison.
 *
 * <p>After the restart only the portfolio has its past back: the collector replays from seq 1,
 * and the agents, coordinator, frameworks and risk gate start fresh (empty indicators, intent
 * counters from 1). The continued run is therefore NOT the uninterrupted run, and its P&amp;L is
 * not compared. What is asserted is what the portfolio owns: it comes up with exactly the rebuilt
 * state before any trade is applied, skips the trades the journal applied, answers re-used
 * intent ids with the journaled orders, never accepts an order id twice or books an execution id
 * twice, and only appends to the journal it recovered from.
 */
class PortfolioRecoveryAfterKillSystemIT {

  static final long TICKS = 4_000;
  static final int KILL_AFTER_FILLS = 120;
  private static final Pattern LISTENING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)");
  private static final PortfolioConfig DEFAULTS = PortfolioConfig.from(ConfigReader.of(new JsonObject()));

  @TempDir
  Path tmp;

  private final List<Process> children = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stopChildren() throws InterruptedException {
    for (Process child : children) {
      child.destroy();
      if (!child.waitFor(20, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }

  /** The uninterrupted run: every state by seq, every execution and accepted order by id. */
  record Reference(Map<Long, PortfolioState> states, Map<String, Execution> executions, Map<String, Order> accepted,
      Path journal) {
  }

  @Test
  void aKilledPortfolioRecoversWhatItJournaledAndNeverRepeatsAnOrderOrAFill() throws Exception {
    Reference reference = uninterrupted(tmp.resolve("reference"));
    Path journalDir = tmp.resolve("killed");
    Path journal = journalDir.resolve(JournalConfig.FILE_NAME);

    Process killed = child(journalDir, "killed.log", false);
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
        .until(() -> fills(JournalReader.read(journal)) >= KILL_AFTER_FILLS || !killed.isAlive());
    assertThat(killed.isAlive()).as("the child was still trading when killed").isTrue();
    killed.destroyForcibly();
    assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();

    JournalScan scan = JournalReader.read(journal);
    List<JournalRecord> records = scan.records();
    int lastTick = lastTickIndex(records);
    long lastSeq = ((JournalRecord.TickApplied) records.get(lastTick)).seq();
    assertThat(lastSeq).as("killed mid-run").isLessThan(TICKS);
    assertThat(fills(scan)).isGreaterThanOrEqualTo(KILL_AFTER_FILLS);

    // The journal up to its last applied trade is the uninterrupted run's state at that seq.
    PortfolioEngine atLastSeq = JournalReplayer.rebuild(records.subList(0, lastTick + 1), DEFAULTS).engine();
    assertThat(comparable(atLastSeq.latest())).isEqualTo(comparable(reference.states().get(lastSeq)));
    assertNothingInventedOrRepeated(records, reference);

    // The reference run's own journal, rebuilt, agrees with its last published state too.
    List<JournalRecord> referenceRecords = JournalReader.read(reference.journal()).records();
    int referenceTick = lastTickIndex(referenceRecords);
    long referenceSeq = ((JournalRecord.TickApplied) referenceRecords.get(referenceTick)).seq();
    assertThat(comparable(JournalReplayer.rebuild(referenceRecords.subList(0, referenceTick + 1), DEFAULTS)
        .engine().latest())).isEqualTo(comparable(reference.states().get(referenceSeq)));

    // Restart on the same journal: it comes up with the whole rebuilt state (orders accepted
    // after the last trade included), then trading goes on without repeating anything.
    PortfolioState rebuilt = JournalReplayer.rebuild(records, DEFAULTS).engine().latest();
    byte[] before = Arrays.copyOf(Files.readAllBytes(journal), (int) scan.validBytes());
    Process restarted = child(journalDir, "restarted.log", true);
    int port = port(logs().resolve("restarted.log"), restarted);
    JsonObject recovered = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> journalStatus(port), status -> status != null && status.containsKey("recovered")
            && status.getJsonObject("recovered").containsKey("lastSeq"))
        .getJsonObject("recovered");
    assertThat(recovered.getLong("lastSeq")).isEqualTo(lastSeq);
    assertThat(recovered.getLong("fills")).isEqualTo(rebuilt.getFills());
    assertThat(recovered.getLong("orders")).isEqualTo(rebuilt.getOrders());
    assertThat(recovered.getLong("openOrders")).isEqualTo(rebuilt.getOpenOrdersCount());
    assertThat(recovered.getLong("cashMicros")).isEqualTo(rebuilt.getCashMicros());
    assertThat(recovered.getLong("realizedPnlMicros")).isEqualTo(rebuilt.getRealizedPnlMicros());
    assertThat(recovered.getLong("feesMicros")).isEqualTo(rebuilt.getFeesMicros());
    assertThat(recovered.getLong("droppedTailRecords")).isEqualTo(scan.droppedTailRecords());
    assertThat(recovered.getJsonArray("positions").stream().map(p -> ((JsonObject) p).getLong("quantity")).toList())
        .isEqualTo(rebuilt.getPositionsList().stream().map(p -> p.getQuantity()).toList());
    assertThat(recovered.getLong("lost")).isZero();

    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
        .until(() -> replayCompleted(port));
    JsonObject after = journalStatus(port);
    assertThat(after.getLong("alreadyAppliedTrades")).isPositive().isLessThanOrEqualTo(lastSeq);
    List<JournalRecord> all = JournalReader.read(journal).records();
    assertThat(Arrays.copyOf(Files.readAllBytes(journal), before.length)).as("recovered journal only appended to")
        .isEqualTo(before);
    assertThat(all.size()).isGreaterThan(records.size());
    assertThat(acceptedOrderIds(all)).doesNotHaveDuplicates();
    assertThat(executionIds(all)).doesNotHaveDuplicates();
    assertThat(all.stream().filter(r -> r instanceof JournalRecord.TickApplied)
        .mapToLong(r -> ((JournalRecord.TickApplied) r).seq()).toArray()).isSorted().doesNotHaveDuplicates();
  }

  private static void assertNothingInventedOrRepeated(List<JournalRecord> records, Reference reference) {
    List<String> executions = executionIds(records);
    assertThat(executions).doesNotHaveDuplicates();
    for (JournalRecord record : records) {
      if (record instanceof JournalRecord.TickApplied tick) {
        for (Execution fill : tick.executions()) {
          assertThat(reference.executions()).containsKey(fill.getExecutionId());
          assertThat(fill.toBuilder().clearMeta().build())
              .isEqualTo(reference.executions().get(fill.getExecutionId()).toBuilder().clearMeta().build());
        }
      } else if (record instanceof JournalRecord.OrderAccepted accepted) {
        Order order = accepted.order();
        assertThat(reference.accepted()).containsKey(order.getOrderId());
        assertThat(order.toBuilder().clearMeta().build())
            .isEqualTo(reference.accepted().get(order.getOrderId()).toBuilder().clearMeta().build());
      }
    }
    assertThat(acceptedOrderIds(records)).doesNotHaveDuplicates();
  }

  private static Reference uninterrupted(Path journalDir) throws Exception {
    Map<Long, PortfolioState> states = new ConcurrentHashMap<>();
    Map<String, Execution> executions = new ConcurrentHashMap<>();
    Map<String, Order> accepted = new ConcurrentHashMap<>();
    LaunchOptions options = new LaunchOptions(null, List.of("replay.maxTicks=" + TICKS,
        "portfolio.journal.dir=" + journalDir), false, "127.0.0.1", 0, 0, ClusterOptions.local());
    List<ReplayProgress> progress = new ArrayList<>();
    CoLocatedRun.Result result = CoLocatedRun.start(options, progress::add, vertx -> Future.all(
            vertx.eventBus().<PortfolioState>consumer(Addresses.PORTFOLIO_STATE,
                msg -> states.put(msg.body().getMeta().getSeq(), msg.body())).completion(),
            vertx.eventBus().<Execution>consumer(Addresses.EXECUTIONS,
                msg -> executions.put(msg.body().getExecutionId(), msg.body())).completion(),
            vertx.eventBus().<Order>consumer(Addresses.ORDERS, msg -> {
              if (msg.body().getStatus() == OrderStatus.ACCEPTED) {
                accepted.putIfAbsent(msg.body().getOrderId(), msg.body());
              }
            }).completion()))
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    result.process().close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
    assertThat(progress.get(progress.size() - 1).getCompleted()).isTrue();
    return new Reference(Map.copyOf(states), Map.copyOf(executions), Map.copyOf(accepted),
        journalDir.resolve(JournalConfig.FILE_NAME));
  }

  private Process child(Path journalDir, String logName, boolean keepRunning) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-jar", fatJar().toAbsolutePath().toString(),
        "run", "--max-ticks", String.valueOf(TICKS), "--speed", "max", "--warehouse", "none", "--port", "0", "--quiet",
        "--set", "portfolio.journal.dir=" + journalDir));
    if (keepRunning) {
      command.add("--keep-running");
    }
    Process process = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true)
        .redirectOutput(logs().resolve(logName).toFile()).start();
    children.add(process);
    return process;
  }

  /** Child logs stay under target/ for a post-mortem (the temp dir goes with the test). */
  private static Path logs() throws IOException {
    return Files.createDirectories(Path.of("target", "recovery-logs")).toAbsolutePath();
  }

  private static Path fatJar() throws IOException {
    String configured = System.getProperty("trading.fatJar");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    try (Stream<Path> built = Files.list(Path.of("target"))) {
      return built.filter(p -> p.getFileName().toString().endsWith("-fat.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no fat jar under target/: run mvn install -DskipTests first"));
    }
  }

  private static int port(Path log, Process process) {
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> {
          assertThat(process.isAlive()).as("restarted child alive").isTrue();
          Matcher matcher = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
          return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
        }, p -> p > 0);
  }

  private JsonObject status(int port) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/api/status")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? new JsonObject(response.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** A service's stats from {@code /api/status} (the gateway wraps each as {up, stats}). */
  private JsonObject stats(int port, String service) {
    JsonObject status = status(port);
    JsonObject section = status == null ? null : status.getJsonObject("services", new JsonObject()).getJsonObject(service);
    if (section == null) {
      return null;
    }
    return section.containsKey("up") ? section.getJsonObject("stats") : section;
  }

  private JsonObject journalStatus(int port) {
    JsonObject portfolio = stats(port, "portfolio-orchestrator");
    return portfolio == null ? null : portfolio.getJsonObject("journal");
  }

  private boolean replayCompleted(int port) {
    JsonObject collector = stats(port, "data-collector");
    return collector != null && collector.getBoolean("completed", false);
  }

  private static PortfolioState comparable(PortfolioState state) {
    PortfolioState.Builder builder = state.toBuilder().clearMeta().clearOpenOrders();
    state.getOpenOrdersList().forEach(order -> builder.addOpenOrders(order.toBuilder().clearMeta()));
    return builder.build();
  }

  private static int lastTickIndex(List<JournalRecord> records) {
    for (int i = records.size() - 1; i >= 0; i--) {
      if (records.get(i) instanceof JournalRecord.TickApplied) {
        return i;
      }
    }
    throw new AssertionError("the journal holds no applied trade");
  }

  private static long fills(JournalScan scan) {
    return scan.records().stream().filter(r -> r instanceof JournalRecord.TickApplied)
        .mapToLong(r -> ((JournalRecord.TickApplied) r).executions().size()).sum();
  }

  private static List<String> executionIds(List<JournalRecord> records) {
    return records.stream().filter(r -> r instanceof JournalRecord.TickApplied)
        .flatMap(r -> ((JournalRecord.TickApplied) r).executions().stream()).map(Execution::getExecutionId).toList();
  }

  private static List<String> acceptedOrderIds(List<JournalRecord> records) {
    return records.stream().filter(r -> r instanceof JournalRecord.OrderAccepted)
        .map(r -> ((JournalRecord.OrderAccepted) r).order().getOrderId()).toList();
  }
}
