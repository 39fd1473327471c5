package dev.tradingsystem.data;

import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.ReplayProgress;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.Addresses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records everything a replay publishes. All consumers share one context, so messages published
 * in order by the collector are recorded in that order across addresses, and the completed
 * progress message is recorded after everything published before it.
 */
final class ReplayTape {

  final List<Trade> trades = new CopyOnWriteArrayList<>();
  final List<FeatureVector> features = new CopyOnWriteArrayList<>();
  final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  final List<ReplayProgress> progress = new CopyOnWriteArrayList<>();
  final List<Quote> quotes = new CopyOnWriteArrayList<>();
  /** BookSnapshot and BookDelta messages, in publication order. */
  final List<Object> books = new CopyOnWriteArrayList<>();
  final List<Candle> candles = new CopyOnWriteArrayList<>();
  final List<FeatureVector> candleFeatures = new CopyOnWriteArrayList<>();
  private final Promise<ReplayProgress> completed = Promise.promise();

  private ReplayTape() {
  }

  /** Starts recording; the future completes once every consumer is registered. */
  static Future<ReplayTape> record(Vertx vertx) {
    Context context = vertx.getOrCreateContext();
    ReplayTape tape = new ReplayTape();
    Promise<ReplayTape> ready = Promise.promise();
    context.runOnContext(v -> {
      MessageConsumer<Trade> trades = vertx.eventBus().consumer(Addresses.MARKET_TRADES, m -> tape.trades.add(m.body()));
      MessageConsumer<FeatureVector> features = vertx.eventBus().consumer(Addresses.FEATURES,
          m -> tape.features.add(m.body()));
      MessageConsumer<DeadLetter> dead = vertx.eventBus().consumer(Addresses.DEAD_LETTER,
          m -> tape.deadLetters.add(m.body()));
      MessageConsumer<ReplayProgress> progress = vertx.eventBus().consumer(Addresses.REPLAY_PROGRESS, m -> {
        tape.progress.add(m.body());
        if (m.body().getCompleted()) {
          tape.completed.tryComplete(m.body());
        }
      });
      MessageConsumer<Quote> quotes = vertx.eventBus().consumer(Addresses.MARKET_QUOTES, m -> tape.quotes.add(m.body()));
      MessageConsumer<Object> books = vertx.eventBus().consumer(Addresses.MARKET_BOOKS, m -> tape.books.add(m.body()));
      MessageConsumer<Candle> candles = vertx.eventBus().consumer(Addresses.MARKET_CANDLES, m -> tape.candles.add(m.body()));
      MessageConsumer<FeatureVector> candleFeatures = vertx.eventBus().consumer(Addresses.FEATURES_CANDLE,
          m -> tape.candleFeatures.add(m.body()));
      Future.all(List.of(trades.completion(), features.completion(), dead.completion(), progress.completion(),
              quotes.completion(), books.completion(), candles.completion(), candleFeatures.completion()))
          .map(all -> tape)
          .onComplete(ready);
    });
    return ready.future();
  }

  /** The final progress message (completed=true). */
  Future<ReplayProgress> completed() {
    return completed.future();
  }
}
