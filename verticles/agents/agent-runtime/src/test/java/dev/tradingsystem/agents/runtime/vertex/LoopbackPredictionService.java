package dev.tradingsystem.agents.runtime.vertex;

import com.google.cloud.aiplatform.v1.PredictRequest;
import com.google.cloud.aiplatform.v1.PredictResponse;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback stand-in for Vertex AI's {@code google.cloud.aiplatform.v1.PredictionService}: the
 * {@code Predict} method over plaintext HTTP/2 on 127.0.0.1, answered by a scripted behaviour.
 * Google publishes no gRPC stub artifact for aiplatform, so the method is declared here from the
 * generated message classes and served by the Vert.x gRPC server. Every request is recorded.
 */
public final class LoopbackPredictionService {

  /** The service and method the client calls. */
  public static final ServiceMethod<PredictRequest, PredictResponse> PREDICT = ServiceMethod.server(
      ServiceName.create("google.cloud.aiplatform.v1.PredictionService"), "Predict",
      GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(PredictRequest.newBuilder()));

  /** How the server answers one Predict call. */
  @FunctionalInterface
  public interface Behaviour {
    void answer(Vertx vertx, PredictRequest request, GrpcServerResponse<PredictRequest, PredictResponse> response);
  }

  private final List<PredictRequest> received = new CopyOnWriteArrayList<>();
  private HttpServer server;

  /** Starts on 127.0.0.1 and an ephemeral port. */
  public Future<LoopbackPredictionService> start(Vertx vertx, Behaviour behaviour) {
    GrpcServer grpc = GrpcServer.server(vertx).callHandler(PREDICT, call -> call.last().onSuccess(request -> {
      received.add(request);
      behaviour.answer(vertx, request, call.response());
    }));
    return vertx.createHttpServer().requestHandler(grpc).listen(0, "127.0.0.1").map(listening -> {
      server = listening;
      return this;
    });
  }

  /** {@code 127.0.0.1:<port>}, the {@code vertex.apiEndpoint} of the agent under test. */
  public String apiEndpoint() {
    return "127.0.0.1:" + server.actualPort();
  }

  public List<PredictRequest> received() {
    return received;
  }

  /** Fails the call with a gRPC status, as an overloaded or misconfigured service does. */
  public static void fail(GrpcServerResponse<PredictRequest, PredictResponse> response, GrpcStatus status,
      String message) {
    response.status(status).statusMessage(message).end();
  }
}
