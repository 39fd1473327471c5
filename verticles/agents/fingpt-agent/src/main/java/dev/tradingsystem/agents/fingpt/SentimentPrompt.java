package dev.tradingsystem.agents.fingpt;

import dev.tradingsystem.agents.runtime.AnswerContract;
import dev.tradingsystem.agents.runtime.PromptContext;
import dev.tradingsystem.agents.runtime.PromptTemplate;
import dev.tradingsystem.agents.runtime.RemoteCallException;
import dev.tradingsystem.proto.AnalyzeRequest;
import java.time.Instant;
import java.util.List;

/**
 * How the sentiment agent asks a language model: FinGPT's instruction ("What is the sentiment of
 * this news? Please choose an answer from {negative/neutral/positive}") over the headlines about
 * the symbol in the model's window as of the event, newest last with their event times. With no
 * headline there is nothing to ask, and the built-in model's "no view" stands undegraded.
 */
public final class SentimentPrompt implements PromptTemplate {

  public static final String VERSION = "fingpt-sentiment-prompt-v1";
  /** Headlines shown at most, the newest: a bounded prompt is a bounded cost. */
  static final int MAX_HEADLINES = 20;
  /** FinGPT's instruction format ends the input with it; the model's answer follows. */
  static final String ANSWER_CUE = "Answer:";

  private static final String ROLE = """
      You are a financial sentiment analyst in the manner of FinGPT. Instruction: What is the
      sentiment of this news for the named crypto asset? Please choose an answer from
      {negative/neutral/positive}. Judge the headlines together, weighing recent ones more, and
      answer neutral when they do not move the asset's price either way.""";

  private final SentimentModel model;

  /** @param model the built-in model whose window holds the headlines (it sees every event first) */
  public SentimentPrompt(SentimentModel model) {
    this.model = model;
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public String systemPrompt() {
    return ROLE;
  }

  @Override
  public String userMessage(AnalyzeRequest request) {
    String symbol = request.getFeatures().getInstrument().getSymbol();
    long nowUs = Math.max(request.getFeatures().getMeta().getEventTimeUs(), request.getMeta().getEventTimeUs());
    List<NewsWindow.ScoredNews> headlines = model.headlines(symbol, nowUs);
    if (headlines.isEmpty()) {
      throw new RemoteCallException(RemoteCallException.NOTHING_TO_ASK, "no headline about " + symbol + " in the window");
    }
    StringBuilder text = new StringBuilder("asset: ").append(symbol).append('\n')
        .append("as of: ").append(instant(nowUs)).append('\n');
    for (NewsWindow.ScoredNews news : headlines.subList(Math.max(0, headlines.size() - MAX_HEADLINES), headlines.size())) {
      text.append("Input: [").append(instant(news.eventTimeUs())).append("] ").append(news.text()).append('\n');
    }
    return text.append(ANSWER_CUE).toString();
  }

  /** Context goes before the closing "Answer:", which must stay the message's last word. */
  @Override
  public String withContext(String userMessage, PromptContext context) {
    if (context.isEmpty() || !userMessage.endsWith(ANSWER_CUE)) {
      return PromptTemplate.super.withContext(userMessage, context);
    }
    return userMessage.substring(0, userMessage.length() - ANSWER_CUE.length()) + context.section() + ANSWER_CUE;
  }

  @Override
  public int horizonSec() {
    return model.config().horizonSec();
  }

  @Override
  public AnswerContract answerContract() {
    return SentimentAnswer.INSTANCE;
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
