package dev.tradingsystem.agents.qwen;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentVerticle;
import dev.tradingsystem.agents.runtime.PromptTemplate;
import dev.tradingsystem.agents.runtime.Rejection;
import dev.tradingsystem.agents.runtime.vertex.VertexDefaults;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The microstructure and arbitrage agent: {@code qwen-agent}, signals on {@code signals.qwen}.
 * Besides analyze requests it reads the collector's tops of book ({@code market.quotes}) and
 * books ({@code market.books}) of every venue into a {@link QuoteBoard}, which the model scans
 * for cross-venue and triangular dislocations. A bad quote is rejected, counted and
 * dead-lettered; it never stops the agent.
 */
public final class QwenAgentVerticle extends AgentVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(QwenAgentVerticle.class);
  private static final int DEAD_LETTER_PAYLOAD_CHARS = 4_096;

  private QuoteBoard board;
  private DislocationScanner scanner;
  private final TopOfBookReader reader = new TopOfBookReader();

  public QwenAgentVerticle() {
    super(ServiceNames.QWEN);
  }

  @Override
  protected AgentModel createBuiltinModel(ConfigReader config) {
    // One board however often the runtime builds a model (a remote backend's fallback too).
    if (board == null) {
      ArbitrageConfig arbitrage = ArbitrageConfig.from(config);
      board = new QuoteBoard(arbitrage.historyPerBook());
      scanner = new DislocationScanner(board, arbitrage.fees(), arbitrage.maxQuoteAgeUs());
    }
    return new MicrostructureModel(MicrostructureConfig.from(config), scanner);
  }

  @Override
  protected PromptTemplate promptTemplate(ConfigReader config) {
    return MicrostructurePrompt.template(MicrostructureConfig.from(config).horizonSec());
  }

  @Override
  protected Future<?> startInputs(ConfigReader config) {
    if (board == null) {
      createBuiltinModel(config);
    }
    MessageConsumer<Object> quotes = own(vertx.eventBus().consumer(Addresses.MARKET_QUOTES, this::onQuote));
    MessageConsumer<Object> books = own(vertx.eventBus().consumer(Addresses.MARKET_BOOKS, this::onBook));
    return Future.all(quotes.completion(), books.completion());
  }

  private void onQuote(Message<Object> message) {
    if (message.body() instanceof Quote quote) {
      record(reader.onQuote(quote), quote);
    } else {
      reject(new Rejection("unexpected_message", Addresses.MARKET_QUOTES + " carried " + describe(message.body())),
          message.body());
    }
  }

  private void onBook(Message<Object> message) {
    Object body = message.body();
    if (body instanceof BookSnapshot snapshot) {
      record(reader.onSnapshot(snapshot), snapshot);
    } else if (body instanceof BookDelta delta) {
      record(reader.onDelta(delta), delta);
    } else {
      reject(new Rejection("unexpected_message", Addresses.MARKET_BOOKS + " carried " + describe(body)), body);
    }
  }

  private void record(TopOfBookReader.Reading reading, Object source) {
    reading.rejection().ifPresent(rejection -> reject(rejection, source));
    reading.top().flatMap(board::accept).ifPresent(rejection -> reject(rejection, source));
  }

  private void reject(Rejection rejection, Object source) {
    TradingMetrics.rejected("agents", shortName(serviceName()), rejection.reason()).increment();
    LOG.debug("{} rejected market data: {}", serviceName(), rejection.message());
    DeadLetter.Builder letter = DeadLetter.newBuilder().setSource(serviceName())
        .setReason(rejection.reason() + ": " + rejection.message());
    if (source instanceof Quote quote) {
      letter.setMeta(quote.getMeta());
    } else if (source instanceof BookSnapshot snapshot) {
      letter.setMeta(snapshot.getMeta());
    } else if (source instanceof BookDelta delta) {
      letter.setMeta(delta.getMeta());
    }
    String payload = String.valueOf(source);
    letter.setPayload(payload.length() > DEAD_LETTER_PAYLOAD_CHARS
        ? payload.substring(0, DEAD_LETTER_PAYLOAD_CHARS) : payload);
    vertx.eventBus().publish(Addresses.DEAD_LETTER, letter.build());
  }

  private static String describe(Object body) {
    return body == null ? "no body" : body.getClass().getSimpleName();
  }

  /** Qwen as Vertex AI serves it (model-as-a-service); {@code agents.<short>.vertex.model} overrides. */
  @Override
  protected VertexDefaults vertexDefaults() {
    return VertexDefaults.genAi("qwen/qwen3-next-80b-a3b-instruct-maas");
  }
}
