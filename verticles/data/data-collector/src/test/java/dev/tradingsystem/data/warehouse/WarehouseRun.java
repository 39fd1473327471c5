package dev.tradingsystem.data.warehouse;

import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.proto.Trade;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Drives a {@link WarehouseWriter} the way the data-collector will: started on one event loop,
 * fed by publishes on the pipeline's addresses, stopped once it has received everything.
 */
final class WarehouseRun {

  private WarehouseRun() {
  }

  /** The pipeline's messages for these trades: trade, tick features, one signal and one fill per trade, one candle. */
  static List<Map.Entry<String, Object>> pipelineMessages(List<Trade> trades) {
    List<Map.Entry<String, Object>> messages = new ArrayList<>();
    for (Trade trade : trades) {
      messages.add(Map.entry(Addresses.MARKET_TRADES, trade));
      messages.add(Map.entry(Addresses.FEATURES, WarehouseFixtures.features(trade, 0)));
      messages.add(Map.entry(Addresses.signals("deepseek"), WarehouseFixtures.signal("deepseek", trade)));
      messages.add(Map.entry(Addresses.EXECUTIONS, WarehouseFixtures.fill(trade).toBuilder()
          .setExecutionId("x-" + trade.getMeta().getId()).build()));
    }
    messages.add(Map.entry(Addresses.MARKET_CANDLES, WarehouseFixtures.candle(trades, 60)));
    messages.add(Map.entry(Addresses.FEATURES_CANDLE, WarehouseFixtures.features(trades.get(trades.size() - 1), 60)));
    return messages;
  }

  /** Starts a writer, publishes the messages, waits until it received them all, stops it; answers its last stats. */
  static Future<JsonObject> record(Vertx vertx, JsonObject config, List<Map.Entry<String, Object>> messages) {
    return during(vertx, config, writer -> {
      messages.forEach(m -> vertx.eventBus().publish(m.getKey(), m.getValue()));
      return received(vertx, writer, messages.size()).compose(v -> writer.flush());
    });
  }

  /** Runs {@code scenario} against a writer started on a fresh event-loop context, then stops it. */
  static Future<JsonObject> during(Vertx vertx, JsonObject config, Function<WarehouseWriter, Future<Void>> scenario) {
    Context context = vertx.getOrCreateContext();
    Promise<JsonObject> result = Promise.promise();
    context.runOnContext(v -> WarehouseWriter.start(vertx, ConfigReader.of(config))
        .compose(writer -> scenario.apply(writer)
            .compose(done -> {
              JsonObject stats = writer.stats();
              return writer.stop().map(stats);
            }))
        .onComplete(result));
    return result.future();
  }

  /** Completes, on the writer's event loop, once it has received {@code count} messages in total. */
  static Future<Void> received(Vertx vertx, WarehouseWriter writer, long count) {
    Promise<Void> promise = Promise.promise();
    vertx.setPeriodic(0, 5, id -> {
      if (writer.stats().getLong("received") >= count) {
        vertx.cancelTimer(id);
        promise.tryComplete();
      }
    });
    return promise.future();
  }
}
