package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.AnalyzeRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.OptionalLong;

/**
 * Any OpenAI-compatible chat-completions server ({@code agents.<short>.backend=openai}): OpenAI,
 * vLLM (also Model Garden's vLLM containers), Ollama, LM Studio, llama.cpp. HTTP 429 is
 * {@code http_429}, other 4xx {@code http_4xx}, 5xx {@code http_5xx}; a body that is not a
 * completion or content that breaks the answer contract is {@code invalid_answer}.
 */
public final class OpenAiChatModel implements RemoteModel {

  /** The value of {@code agents.<short>.backend} that selects it. */
  public static final String NAME = "openai";

  private final OpenAiConfig config;
  private final PromptTemplate prompt;
  private final int maxAnswerTokens;
  private final int timeoutMs;
  private final WebClient client;
  private final String modelId;

  /**
   * @param timeoutMs       the call's deadline ({@link RemoteCallPolicy#timeoutMs()}), also the
   *                        connect and idle timeout of the socket
   * @param maxAnswerTokens the answer length asked for ({@link BudgetConfig#maxAnswerTokens()})
   */
  public OpenAiChatModel(Vertx vertx, String agent, OpenAiConfig config, PromptTemplate prompt, int timeoutMs,
      int maxAnswerTokens) {
    this.config = config;
    this.timeoutMs = timeoutMs;
    this.prompt = prompt;
    this.maxAnswerTokens = maxAnswerTokens;
    this.modelId = NAME + ":" + config.model() + ":" + prompt.version();
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout(timeoutMs)
        .setUserAgent("trading-system-agent/" + agent));
  }

  @Override
  public String backend() {
    return NAME;
  }

  @Override
  public String modelId() {
    return modelId;
  }

  /**
   * Renders the event once (a prompt with nothing to ask throws here, before anything is spent);
   * context, when the guard fetches some, only re-formats the message.
   */
  @Override
  public PreparedCall prepare(AnalyzeRequest request) {
    String userMessage = prompt.userMessage(request);
    return PreparedCall.withContextFrom(context -> call(prompt.withContext(userMessage, context)));
  }

  private PreparedCall call(String userMessage) {
    JsonObject body = ChatCompletions.request(config.model(), prompt, userMessage, maxAnswerTokens);
    String canonical = body.encode();
    TokenUsage estimate = TokenUsage.estimate(canonical.length(), maxAnswerTokens);
    return PreparedCall.of(canonical, estimate, OptionalLong.empty(), () -> {
      var http = client.postAbs(config.chatCompletionsUrl())
          // Idle deadline on the socket; the breaker's timeout bounds the whole call.
          .timeout(timeoutMs)
          .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json");
      if (config.apiKey() != null) {
        http.bearerTokenAuthentication(config.apiKey());
      }
      return http.sendBuffer(Buffer.buffer(canonical)).compose(response -> answer(response, estimate));
    });
  }

  @Override
  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }

  private Future<RemoteAnswer> answer(HttpResponse<Buffer> response, TokenUsage estimate) {
    int status = response.statusCode();
    if (status == 429) {
      return Future.failedFuture(new RemoteCallException("http_429", "rate limited"));
    }
    if (status >= 500) {
      return Future.failedFuture(new RemoteCallException("http_5xx", "status " + status));
    }
    if (status != 200) {
      return Future.failedFuture(new RemoteCallException("http_4xx", "status " + status));
    }
    String body = response.bodyAsString();
    try {
      return Future.succeededFuture(ChatCompletions.answer(body == null ? "" : body, prompt, estimate));
    } catch (InvalidAnswerException e) {
      return Future.failedFuture(new RemoteCallException("invalid_answer", e.getMessage()));
    }
  }
}
