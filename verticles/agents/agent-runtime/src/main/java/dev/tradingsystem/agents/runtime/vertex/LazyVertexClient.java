package dev.tradingsystem.agents.runtime.vertex;

import com.google.auth.oauth2.GoogleCredentials;
import dev.tradingsystem.agents.runtime.RemoteCallException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Vertex client built off the event loop: finding Application Default Credentials reads files
 * and may ask the GCE metadata server, and building a gRPC client takes a second or two of class
 * loading, so {@link #warmUp()} starts at deployment and the first call does not spend its
 * deadline on it. A failure fails the calls waiting for it as {@code unreachable} (the built-in
 * model answers, degraded) and the next call tries again, so credentials mounted after start are
 * picked up; the circuit breaker spaces those tries out.
 *
 * <p>Used on the agent's context only.
 *
 * @param <C> the client type
 */
final class LazyVertexClient<C> {

  /** The OAuth scope every Vertex AI call needs. */
  static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

  /** Builds a client from credentials; null credentials for {@code credentials=none}. */
  @FunctionalInterface
  interface ClientFactory<C> {
    C create(GoogleCredentials credentials) throws Exception;
  }

  private static final Logger LOG = LoggerFactory.getLogger(LazyVertexClient.class);

  private final Vertx vertx;
  private final String agent;
  private final VertexConfig config;
  private final ClientFactory<C> factory;
  private Future<C> client;

  LazyVertexClient(Vertx vertx, String agent, VertexConfig config, ClientFactory<C> factory) {
    this.vertx = vertx;
    this.agent = agent;
    this.config = config;
    this.factory = factory;
  }

  /** Starts building the client now; a failure is logged and retried by the next call. */
  LazyVertexClient<C> warmUp() {
    client();
    return this;
  }

  /** The client, built once; fails with {@code unreachable} while it cannot be built. */
  Future<C> client() {
    Future<C> current = client;
    if (current == null) {
      current = vertx.executeBlocking(() -> factory.create(config.plaintext() ? null : applicationDefault()), false);
      client = current;
      current.onFailure(failure -> {
        client = null;
        LOG.warn("{}: cannot create the Vertex AI client ({} credentials): {}", agent,
            config.credentials().name().toLowerCase(Locale.ROOT), failure.toString());
      });
    }
    return current.recover(failure -> Future.failedFuture(
        new RemoteCallException("unreachable", "no Vertex AI client: " + failure.getMessage())));
  }

  /** Closes the client once it is built (also one still being built), on a worker thread. */
  Future<Void> close(ClientCloser<C> closer) {
    Future<C> current = client;
    client = null;
    if (current == null) {
      return Future.succeededFuture();
    }
    return current.compose(built -> vertx.<Void>executeBlocking(() -> {
      closer.close(built);
      return null;
    }, false)).otherwiseEmpty();
  }

  /** Releases a client's threads and connections; may block. */
  @FunctionalInterface
  interface ClientCloser<C> {
    void close(C client) throws Exception;
  }

  private static GoogleCredentials applicationDefault() throws IOException {
    return GoogleCredentials.getApplicationDefault().createScoped(CLOUD_PLATFORM);
  }
}
