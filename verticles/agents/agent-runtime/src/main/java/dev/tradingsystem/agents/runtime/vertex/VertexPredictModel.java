package dev.tradingsystem.agents.runtime.vertex;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.aiplatform.v1.PredictRequest;
import com.google.cloud.aiplatform.v1.PredictResponse;
import com.google.cloud.aiplatform.v1.PredictionServiceClient;
import com.google.cloud.aiplatform.v1.PredictionServiceSettings;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import dev.tradingsystem.agents.runtime.InvalidAnswerException;
import dev.tradingsystem.agents.runtime.PreparedCall;
import dev.tradingsystem.agents.runtime.RemoteAnswer;
import dev.tradingsystem.agents.runtime.RemoteCallPolicy;
import dev.tradingsystem.agents.runtime.RemoteModel;
import dev.tradingsystem.agents.runtime.TokenUsage;
import dev.tradingsystem.proto.AnalyzeRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A model deployed on a Vertex AI endpoint ({@code agents.<short>.vertex.api=predict}): a Model
 * Garden deployment or a custom container, called with {@code PredictionService.Predict} over
 * gRPC. The agent's {@link PredictionCodec} shapes the instances and reads the predictions.
 *
 * <p>The call is issued with the client's non-blocking {@code futureCall}, under a deadline equal
 * to the guard's and without retries; its result is handed back on the agent's context.
 * {@code PredictResponse} reports no token usage, so the budget is charged the estimate (the
 * request's characters / 4 plus the answer cap): for a dedicated endpoint the budget is a
 * request-volume limit rather than a bill.
 */
public final class VertexPredictModel implements RemoteModel {

  private final Context context;
  private final VertexConfig config;
  private final PredictionCodec codec;
  private final int maxAnswerTokens;
  private final String modelId;
  private final LazyVertexClient<PredictionServiceClient> clients;

  /**
   * @param timeoutMs       the call's deadline ({@link RemoteCallPolicy#timeoutMs()})
   * @param maxAnswerTokens the answer cap reserved from the budget per call
   */
  public VertexPredictModel(Vertx vertx, String agent, VertexConfig config, PredictionCodec codec, int timeoutMs,
      int maxAnswerTokens) {
    this.context = vertx.getOrCreateContext();
    this.config = config;
    this.codec = codec;
    this.maxAnswerTokens = maxAnswerTokens;
    this.modelId = VertexModels.NAME + ":endpoint/" + config.endpointId() + ":" + codec.version();
    this.clients = new LazyVertexClient<>(vertx, agent, config, credentials -> client(credentials, timeoutMs))
        .warmUp();
  }

  @Override
  public String backend() {
    return VertexModels.NAME;
  }

  @Override
  public String modelId() {
    return modelId;
  }

  /**
   * Asks the codec once (it may advance per-symbol state); a question that is a prompt can take
   * context, which only re-formats its instances.
   */
  @Override
  public PreparedCall prepare(AnalyzeRequest request) {
    PredictionCodec.Question question = codec.question(request);
    if (question.contextual() == null) {
      return call(question, question.instances());
    }
    return PreparedCall.withContextFrom(context -> call(question,
        context.isEmpty() ? question.instances() : question.contextual().apply(context)));
  }

  private PreparedCall call(PredictionCodec.Question question, List<Value> instances) {
    PredictRequest.Builder predict = PredictRequest.newBuilder()
        .setEndpoint(config.endpointName())
        .addAllInstances(instances);
    if (question.parameters() != null) {
      predict.setParameters(question.parameters());
    }
    PredictRequest call = predict.build();
    String canonical = canonical(call);
    TokenUsage estimate = TokenUsage.estimate(canonical.length(), maxAnswerTokens);
    OptionalLong asOf = question.asOfMicros() == PredictionCodec.Question.EVENT_TIME
        ? OptionalLong.empty() : OptionalLong.of(question.asOfMicros());
    return PreparedCall.of(canonical, estimate, asOf, () -> clients.client()
        .compose(client -> onContext(client.predictCallable().futureCall(call)))
        .compose(response -> {
          try {
            return Future.succeededFuture(new RemoteAnswer(
                question.decoder().opinion(response.getPredictionsList()), estimate));
          } catch (InvalidAnswerException e) {
            return Future.failedFuture(e);
          }
        })
        .recover(failure -> Future.failedFuture(VertexFailures.predict(failure))));
  }

  @Override
  public Future<Void> close() {
    return clients.close(client -> {
      client.close();
      client.awaitTermination(5, TimeUnit.SECONDS);
    });
  }

  /** The gRPC result, delivered on the agent's context. */
  private Future<PredictResponse> onContext(ApiFuture<PredictResponse> call) {
    Promise<PredictResponse> promise = Promise.promise();
    ApiFutures.addCallback(call, new ApiFutureCallback<>() {
      @Override
      public void onSuccess(PredictResponse response) {
        context.runOnContext(v -> promise.complete(response));
      }

      @Override
      public void onFailure(Throwable failure) {
        context.runOnContext(v -> promise.fail(failure));
      }
    }, MoreExecutors.directExecutor());
    return promise.future();
  }

  /**
   * The client: the configured endpoint, one attempt under the deadline. {@code credentials=none}
   * (loopback only) speaks plaintext without credentials.
   */
  private PredictionServiceClient client(GoogleCredentials credentials, int timeoutMs) throws java.io.IOException {
    InstantiatingGrpcChannelProvider.Builder channel = PredictionServiceSettings.defaultGrpcTransportProviderBuilder();
    if (credentials == null) {
      channel.setChannelConfigurator(builder -> builder.usePlaintext());
    }
    PredictionServiceSettings.Builder settings = PredictionServiceSettings.newBuilder()
        .setEndpoint(config.apiEndpoint())
        .setTransportChannelProvider(channel.build())
        .setCredentialsProvider(credentials == null
            ? NoCredentialsProvider.create()
            : FixedCredentialsProvider.create(credentials));
    settings.predictSettings().setSimpleTimeoutNoRetriesDuration(Duration.ofMillis(timeoutMs));
    return PredictionServiceClient.create(settings.build());
  }

  /** The request as protobuf JSON: endpoint, instances, parameters; no credentials. */
  private static String canonical(PredictRequest request) {
    try {
      return JsonFormat.printer().omittingInsignificantWhitespace().print(request);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a PredictRequest always prints as JSON", e);
    }
  }
}
