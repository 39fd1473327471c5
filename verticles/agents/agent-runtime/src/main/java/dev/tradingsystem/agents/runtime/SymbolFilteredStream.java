package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.AgentSignal;
import io.vertx.core.Handler;
import io.vertx.core.streams.ReadStream;
import java.util.Set;

/**
 * A stream of signals restricted to some symbols (all when the set is empty). Back-pressure is
 * kept: a dropped signal gives its unit of demand back to the source, so a subscriber that
 * fetches one at a time still receives its next matching signal.
 */
final class SymbolFilteredStream implements ReadStream<AgentSignal> {

  private final ReadStream<AgentSignal> source;
  private final Set<String> symbols;
  private boolean flowing = true;

  SymbolFilteredStream(ReadStream<AgentSignal> source, Set<String> symbols) {
    this.source = source;
    this.symbols = Set.copyOf(symbols);
  }

  boolean accepts(AgentSignal signal) {
    return symbols.isEmpty() || symbols.contains(signal.getSymbol());
  }

  @Override
  public ReadStream<AgentSignal> exceptionHandler(Handler<Throwable> handler) {
    source.exceptionHandler(handler);
    return this;
  }

  @Override
  public ReadStream<AgentSignal> handler(Handler<AgentSignal> handler) {
    if (handler == null) {
      source.handler(null);
      return this;
    }
    source.handler(signal -> {
      if (accepts(signal)) {
        handler.handle(signal);
      } else if (!flowing) {
        source.fetch(1);
      }
    });
    return this;
  }

  @Override
  public ReadStream<AgentSignal> pause() {
    flowing = false;
    source.pause();
    return this;
  }

  @Override
  public ReadStream<AgentSignal> resume() {
    flowing = true;
    source.resume();
    return this;
  }

  @Override
  public ReadStream<AgentSignal> fetch(long amount) {
    source.fetch(amount);
    return this;
  }

  @Override
  public ReadStream<AgentSignal> endHandler(Handler<Void> endHandler) {
    source.endHandler(endHandler);
    return this;
  }
}
