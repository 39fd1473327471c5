package dev.tradingsystem.data;

import dev.tradingsystem.data.replay.ReplayStats;
import dev.tradingsystem.data.book.OrderBook;
import dev.tradingsystem.data.source.MarketDataSource;
import dev.tradingsystem.data.source.MarketSources;
import dev.tradingsystem.data.warehouse.WarehouseWriter;
import dev.tradingsystem.proto.ServiceAnnouncement;
import dev.tradingsystem.proto.TickDone;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.cache.Caches;
import dev.tradingsystem.shared.cache.FeatureSnapshotCache;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.runtime.ProcessEndpoints;
import dev.tradingsystem.shared.runtime.RollCall;
import dev.tradingsystem.shared.runtime.ServiceStats;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data-collector: replays a market-data file (trades, quotes, order books or candles in any
 * supported format) as validated contract messages and {@code FeatureVector}s under the pipeline
 * protocol (roll call first, then lockstep with the tick participants), or, with
 * {@code collector.source=live}, streams the exchanges' live feeds through the same publishing
 * path ({@link LiveCollector}: no replay file, no roll call, no barrier, no end).
 * Thin wiring: reading and validation are in {@code source}, features in {@code features},
 * barrier and pacing rules in {@code replay}, the publishing loop in {@link ReplayLoop}. Alongside:
 * the warehouse writer (every trade, candle, feature vector, signal and fill, when
 * {@code warehouse.backend} is set) and the latest feature vector per symbol in the cache.
 */
public final class DataCollectorVerticle extends VerticleBase {

  /** A message here starts a replay deployed with {@code replay.autoStart=false}; a request gets a reply. */
  public static final String START_ADDRESS = Addresses.REPLAY_START;

  private static final Logger LOG = LoggerFactory.getLogger(DataCollectorVerticle.class);
  /**
   * How often the latest feature vectors go to the cache. Shorter keeps readers fresher; longer
   * writes less (only the newest vector per symbol and timeframe is ever written).
   */
  static final long DEFAULT_SNAPSHOT_FLUSH_MS = 250;

  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private DataCollectorConfig settings;
  private MarketDataSource reader;
  private ReplayStats stats;
  private ReplayLoop loop;
  private volatile boolean sourceOpen;
  private boolean replayStarted;
  private WarehouseWriter warehouse;
  private FeatureSnapshotRecorder snapshots;
  private LiveCollector live;

  @Override
  public Future<?> start() {
    try {
      settings = DataCollectorConfig.from(ConfigReader.of(config()));
    } catch (ConfigException e) {
      return Future.failedFuture(e);
    }
    ProcessEndpoints.of(vertx).readiness(ServiceNames.DATA_COLLECTOR, () -> sourceOpen);
    ConfigReader cfg = ConfigReader.of(config());
    try {
      snapshots = new FeatureSnapshotRecorder(vertx, new FeatureSnapshotCache(Caches.create(vertx, cfg)),
          cfg.integer("cache.snapshotFlushMs", DEFAULT_SNAPSHOT_FLUSH_MS, 10L, 60_000L));
    } catch (ConfigException e) {
      return Future.failedFuture(e);
    }
    if (settings.isLive()) {
      return startLive(cfg);
    }
    return openSource()
        .compose(opened -> WarehouseWriter.start(vertx, cfg))
        .compose(writer -> {
          warehouse = writer;
          return snapshots.start();
        })
        .compose(opened -> Future.all(
            register(vertx.eventBus().<TickDone>consumer(Addresses.REPLAY_TICK_DONE, msg -> loop.onTickDone(msg.body()))),
            register(vertx.eventBus().consumer(START_ADDRESS, msg -> msg.reply(startReplay()))),
            ServiceStats.serve(vertx, ServiceNames.DATA_COLLECTOR, this::statsJson).map(this::keep)))
        .compose(registered -> answerRollCall())
        .onSuccess(answering -> {
          if (settings.autoStart()) {
            startReplay();
          } else {
            LOG.info("replay of {} ready; waiting for a message on {}", reader.location(), START_ADDRESS);
          }
        });
  }

  /**
   * Live mode: the warehouse and snapshot cache as in a replay, then the feeds, created here so
   * that their callbacks run on this verticle's context. Ready once every feed made its first
   * connection attempt (they keep reconnecting on their own).
   */
  private Future<?> startLive(ConfigReader cfg) {
    try {
      live = new LiveCollector(vertx, settings);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return WarehouseWriter.start(vertx, cfg)
        .compose(writer -> {
          warehouse = writer;
          return snapshots.start();
        })
        .compose(opened -> Future.all(
            // A runner may still send the start message; the feeds started with the deployment.
            register(vertx.eventBus().consumer(START_ADDRESS, msg -> msg.reply("already started"))),
            ServiceStats.serve(vertx, ServiceNames.DATA_COLLECTOR, this::statsJson).map(this::keep)))
        .compose(registered -> answerRollCall())
        .compose(answering -> live.start())
        .onSuccess(started -> sourceOpen = true);
  }

  /** Registered last, after every consumer: whoever hears the answer can reach all of them. */
  private Future<MessageConsumer<String>> answerRollCall() {
    return RollCall.answer(vertx, ServiceAnnouncement.newBuilder()
            .setService(ServiceNames.DATA_COLLECTOR)
            .setInstanceId(context.deploymentID())
            .setTickParticipant(false)
            .build())
        .map(this::keep);
  }

  @Override
  public Future<?> stop() {
    if (loop != null) {
      loop.stop();
    }
    ProcessEndpoints.of(vertx).unregister(ServiceNames.DATA_COLLECTOR);
    List<Future<?>> closing = new ArrayList<>();
    if (snapshots != null) {
      closing.add(snapshots.stop());
    }
    if (warehouse != null) {
      closing.add(warehouse.stop());
    }
    consumers.forEach(consumer -> closing.add(consumer.unregister()));
    if (live != null) {
      closing.add(live.stop());
    }
    if (reader != null) {
      // Ordered after any read still in flight, so the reader is never closed under it.
      closing.add(vertx.executeBlocking(() -> {
        reader.close();
        return null;
      }));
    }
    return Future.join(closing);
  }

  private Future<Void> openSource() {
    String location = settings.data();
    return vertx.executeBlocking(() -> MarketSources.open(location, settings.source()))
        .recover(e -> Future.failedFuture(new ConfigException("replay.data", "cannot replay " + location + ": " + e.getMessage())))
        .map(opened -> {
          reader = opened;
          stats = new ReplayStats(opened.location());
          loop = new ReplayLoop(context, settings, opened, stats);
          sourceOpen = true;
          return null;
        });
  }

  /** Starts the replay once: roll call of the awaited services, then the loop. */
  private String startReplay() {
    if (replayStarted) {
      return "already started";
    }
    replayStarted = true;
    awaitParticipants()
        .onSuccess(loop::run)
        .onFailure(e -> loop.abort("roll call failed: " + e.getMessage()));
    return "started";
  }

  /** Waits for the awaited services; the tick participants among those who answered form the barrier. */
  private Future<Set<String>> awaitParticipants() {
    List<String> awaited = settings.awaitServices().stream()
        .filter(name -> !name.equals(ServiceNames.DATA_COLLECTOR))
        .toList();
    if (awaited.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    LOG.info("waiting up to {} ms for {}", settings.rollCallTimeoutMs(), awaited);
    return RollCall.await(vertx, awaited, settings.rollCallIntervalMs(), settings.rollCallTimeoutMs())
        .map(present -> settings.lockstep() ? tickParticipants(present) : Set.of());
  }

  private static Set<String> tickParticipants(Map<String, ServiceAnnouncement> present) {
    Set<String> participants = new TreeSet<>();
    present.values().stream()
        .filter(ServiceAnnouncement::getTickParticipant)
        .forEach(announcement -> participants.add(announcement.getService()));
    return participants;
  }

  private JsonObject statsJson() {
    if (live != null) {
      return live.stats().put("warehouse", warehouse == null ? new JsonObject() : warehouse.stats());
    }
    if (stats == null) {
      return new JsonObject().put("ticks", 0).put("rejected", 0).put("rejectedByReason", new JsonObject())
          .put("barrierTimeouts", 0).put("completed", false).put("source", settings == null ? "" : settings.data());
    }
    JsonObject byReason = new JsonObject();
    stats.rejectedByReason().forEach(byReason::put);
    JsonObject json = new JsonObject()
        .put("ticks", stats.events())
        .put("messages", stats.ticks())
        .put("rejected", stats.rejected())
        .put("rejectedByReason", byReason)
        .put("barrierTimeouts", stats.barrierTimeouts())
        .put("barsWithoutVolume", stats.barsWithoutVolume())
        .put("completed", stats.isCompleted())
        .put("source", stats.source())
        .put("started", replayStarted)
        .put("lockstepParticipants", new JsonArray(new ArrayList<>(loop.participants())))
        .put("speed", settings.speed().toString())
        .put("format", reader.format().configName())
        .put("symbol", reader.instrument().getSymbol())
        .put("books", booksJson(stats, loop.publisher().books()))
        .put("warehouse", warehouse == null ? new JsonObject() : warehouse.stats());
    if (stats.error() != null) {
      json.put("error", stats.error());
    }
    return json;
  }

  /** Per book: synced, last update id, resyncs, and issues by reason. */
  static JsonObject booksJson(ReplayStats stats, Map<String, OrderBook> byName) {
    JsonObject books = new JsonObject();
    JsonObject issues = new JsonObject();
    stats.bookIssues().forEach(issues::put);
    books.put("issues", issues);
    for (Map.Entry<String, OrderBook> entry : byName.entrySet()) {
      OrderBook book = entry.getValue();
      books.put(entry.getKey(), new JsonObject()
          .put("synced", book.synced())
          .put("lastUpdateId", book.lastUpdateId())
          .put("resyncs", book.resyncs())
          .put("bidLevels", book.bidDepth())
          .put("askLevels", book.askDepth()));
    }
    return books;
  }

  private Future<Void> register(MessageConsumer<?> consumer) {
    consumers.add(consumer);
    return consumer.completion();
  }

  private <T extends MessageConsumer<?>> T keep(T consumer) {
    consumers.add(consumer);
    return consumer;
  }
}
