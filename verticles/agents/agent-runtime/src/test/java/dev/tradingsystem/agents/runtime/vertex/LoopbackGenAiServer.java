package dev.tradingsystem.agents.runtime.vertex;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for the Vertex AI Gen AI REST API: {@code POST
 * /v1beta1/projects/{p}/locations/{l}/publishers/{publisher}/models/{model}:generateContent}
 * answered by a scripted behaviour with real {@code GenerateContentResponse} JSON; any other
 * route gets Google's 404 error body. Every request is recorded.
 */
public final class LoopbackGenAiServer {

  /** The route the Gen AI SDK calls for a Vertex AI model. */
  public static final Pattern GENERATE_CONTENT = Pattern.compile(
      "/v1beta1/projects/([^/]+)/locations/([^/]+)/publishers/([^/]+)/models/([^/:]+):generateContent");

  /** How the server answers one generateContent call. */
  @FunctionalInterface
  public interface Behaviour {
    void answer(Vertx vertx, HttpServerRequest request);
  }

  /** One request as received: path, Authorization header, body. */
  public record Received(String path, String authorization, JsonObject body) {
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer server;

  /** Starts on 127.0.0.1 and an ephemeral port. */
  public Future<LoopbackGenAiServer> start(Vertx vertx, Behaviour behaviour) {
    return vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> {
          received.add(new Received(request.path(), request.getHeader("Authorization"),
              body.length() == 0 ? new JsonObject() : body.toJsonObject()));
          Matcher route = GENERATE_CONTENT.matcher(request.path());
          if (request.method() == HttpMethod.POST && route.matches()) {
            behaviour.answer(vertx, request);
          } else {
            reply(request, 404, error(404, "NOT_FOUND", "no route " + request.path()).encode());
          }
        }))
        .listen(0, "127.0.0.1")
        .map(listening -> {
          server = listening;
          return this;
        });
  }

  /** {@code 127.0.0.1:<port>}, the {@code vertex.apiEndpoint} of the agent under test. */
  public String apiEndpoint() {
    return "127.0.0.1:" + server.actualPort();
  }

  public List<Received> received() {
    return received;
  }

  public static void reply(HttpServerRequest request, int status, String body) {
    request.response().setStatusCode(status).putHeader("content-type", "application/json; charset=UTF-8").end(body);
  }

  /** A {@code GenerateContentResponse} with one candidate carrying {@code text}. */
  public static JsonObject response(String text, String finishReason) {
    return new JsonObject()
        .put("candidates", new JsonArray().add(new JsonObject()
            .put("content", new JsonObject().put("role", "model")
                .put("parts", new JsonArray().add(new JsonObject().put("text", text))))
            .put("finishReason", finishReason)))
        .put("usageMetadata", new JsonObject()
            .put("promptTokenCount", 321)
            .put("candidatesTokenCount", 23)
            .put("totalTokenCount", 344)
            .put("trafficType", "ON_DEMAND"))
        .put("modelVersion", "loopback")
        .put("createTime", "2025-11-27T12:00:00.000000Z")
        .put("responseId", "loopback-1");
  }

  /** Google's JSON error body. */
  public static JsonObject error(int code, String status, String message) {
    return new JsonObject().put("error",
        new JsonObject().put("code", code).put("message", message).put("status", status));
  }
}
