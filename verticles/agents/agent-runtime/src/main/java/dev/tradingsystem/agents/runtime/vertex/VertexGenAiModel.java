package dev.tradingsystem.agents.runtime.vertex;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import dev.tradingsystem.agents.runtime.BudgetConfig;
import dev.tradingsystem.agents.runtime.InvalidAnswerException;
import dev.tradingsystem.agents.runtime.PreparedCall;
import dev.tradingsystem.agents.runtime.PromptTemplate;
import dev.tradingsystem.agents.runtime.RemoteAnswer;
import dev.tradingsystem.agents.runtime.RemoteCallPolicy;
import dev.tradingsystem.agents.runtime.RemoteModel;
import dev.tradingsystem.agents.runtime.TokenUsage;
import dev.tradingsystem.proto.AnalyzeRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A managed model on Vertex AI through the Gen AI SDK ({@code agents.<short>.vertex.api=genai}):
 * Gemini, and the open models Vertex AI serves as a service (DeepSeek, Qwen, Llama), named
 * {@code publisher/model}. One {@code models.generateContent} call per question, asked with
 * the agent's prompt and answer contract, temperature 0 and JSON output.
 *
 * <p>The SDK's own retries are off (the guard decides about failures) and its call timeout is the
 * deadline, so an abandoned call does not linger. Requests are issued from a worker thread because
 * the SDK refreshes an expired access token synchronously while building the request; the answer
 * comes back on the agent's context.
 */
public final class VertexGenAiModel implements RemoteModel {

  private final Vertx vertx;
  private final Context context;
  private final VertexConfig config;
  private final PromptTemplate prompt;
  private final int maxAnswerTokens;
  private final String modelId;
  private final LazyVertexClient<Client> clients;

  /**
   * @param timeoutMs       the call's deadline ({@link RemoteCallPolicy#timeoutMs()})
   * @param maxAnswerTokens the answer length asked for ({@link BudgetConfig#maxAnswerTokens()})
   */
  public VertexGenAiModel(Vertx vertx, String agent, VertexConfig config, PromptTemplate prompt, int timeoutMs,
      int maxAnswerTokens) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.config = config;
    this.prompt = prompt;
    this.maxAnswerTokens = maxAnswerTokens;
    this.modelId = VertexModels.NAME + ":" + config.model() + ":" + prompt.version();
    this.clients = new LazyVertexClient<>(vertx, agent, config, credentials -> Client.builder()
        .vertexAI(true)
        .project(config.project())
        .location(config.location())
        .credentials(credentials == null ? loopbackCredentials() : credentials)
        .httpOptions(HttpOptions.builder()
            .baseUrl(config.genAiBaseUrl())
            .timeout(timeoutMs)
            .retryOptions(HttpRetryOptions.builder().attempts(1))
            .build())
        .build()).warmUp();
  }

  @Override
  public String backend() {
    return VertexModels.NAME;
  }

  @Override
  public String modelId() {
    return modelId;
  }

  /** Renders the event once; context, when the guard fetches some, only re-formats the user turn. */
  @Override
  public PreparedCall prepare(AnalyzeRequest request) {
    String userMessage = prompt.userMessage(request);
    return PreparedCall.withContextFrom(context -> call(prompt.withContext(userMessage, context)));
  }

  private PreparedCall call(String userMessage) {
    GenAiContent question = new GenAiContent(config.model(),
        prompt.systemPrompt() + "\n\n" + prompt.answerContract().instructions(), userMessage,
        maxAnswerTokens, config.thinkingBudget());
    String canonical = question.canonical();
    TokenUsage estimate = TokenUsage.estimate(canonical.length(), maxAnswerTokens);
    return PreparedCall.of(canonical, estimate, OptionalLong.empty(), () -> clients.client()
        .compose(client -> vertx.<CompletableFuture<GenerateContentResponse>>executeBlocking(
            () -> client.async.models.generateContent(question.model(), question.contents(), question.config()),
            false))
        .compose(pending -> Future.fromCompletionStage(pending, context))
        .recover(failure -> Future.failedFuture(VertexFailures.genAi(failure)))
        .compose(response -> answer(response, estimate)));
  }

  @Override
  public Future<Void> close() {
    return clients.close(Client::close);
  }

  private Future<RemoteAnswer> answer(GenerateContentResponse response, TokenUsage estimate) {
    try {
      return Future.succeededFuture(
          GenAiContent.answer(response, prompt.answerContract(), prompt.horizonSec(), estimate));
    } catch (InvalidAnswerException e) {
      return Future.failedFuture(VertexFailures.genAi(e));
    }
  }

  /**
   * {@code credentials=none}: the SDK insists on credentials for a project-scoped client, so it
   * gets a fixed placeholder token that never refreshes ({@code Authorization: Bearer none});
   * config allows this only towards a loopback endpoint.
   */
  private static GoogleCredentials loopbackCredentials() {
    return GoogleCredentials.create(new AccessToken("none", null));
  }
}
