package dev.tradingsystem.shared.service;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientOptions;
import io.vertx.grpc.server.Service;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where callers find a gRPC contract ({@code RiskService}, {@code PortfolioService}, ...). A
 * service binds its implementation under its name; a caller looks the contract up by name and
 * gets one object whatever the deployment:
 * <ul>
 *   <li>implementation in this process: a {@link LocalInvoker} proxy, no socket;</li>
 *   <li>otherwise: the generated Vert.x gRPC client to the endpoint the service published in the
 *       cluster-wide map {@value #ENDPOINTS_MAP} (resolved at call time, so start order does not
 *       matter).</li>
 * </ul>
 */
public final class ServiceRegistry {

  public static final String ENDPOINTS_MAP = "trading.grpc.endpoints";

  private static final Logger LOG = LoggerFactory.getLogger(ServiceRegistry.class);
  private static final VertxScoped<ServiceRegistry> REGISTRIES = new VertxScoped<>(ServiceRegistry::new);

  private final Vertx vertx;
  private final Map<String, Object> local = new ConcurrentHashMap<>();
  private final Map<String, Object> remote = new ConcurrentHashMap<>();
  private final Map<String, GrpcServerHost> grpcHosts = new ConcurrentHashMap<>();
  private volatile GrpcSettings grpc;
  private volatile GrpcClient grpcClient;

  private ServiceRegistry(Vertx vertx) {
    this.vertx = vertx;
  }

  public static ServiceRegistry of(Vertx vertx) {
    return REGISTRIES.get(vertx);
  }

  /**
   * Makes an implementation available under a name. Must be called on the implementation's
   * context: every local call runs there. When this process serves gRPC, the implementation is
   * also mounted there and its endpoint published to the cluster.
   */
  public <T> Future<Void> bind(Class<T> contract, String name, T implementation, Service grpcService) {
    Context owner = Vertx.currentContext();
    if (owner == null) {
      throw new IllegalStateException("bind " + name + " from the implementation's context");
    }
    local.put(key(contract, name), LocalInvoker.proxy(contract, implementation, owner));
    GrpcSettings settings = grpc;
    if (settings == null || grpcService == null) {
      return Future.succeededFuture();
    }
    // One listener per bound service: several agents share one gRPC service name, so they
    // cannot share a server; each publishes its own endpoint.
    int port = grpcHosts.isEmpty() ? settings.firstPort() : 0;
    return GrpcServerHost.start(vertx, settings.host(), port).compose(host -> {
      host.server().addService(grpcService);
      grpcHosts.put(key(contract, name), host);
      String endpoint = host.host() + ":" + host.port();
      LOG.info("{} ({}) served over gRPC at {}", name, contract.getSimpleName(), endpoint);
      return endpoints().compose(map -> map.put(key(contract, name), endpoint));
    });
  }

  public Future<Void> unbind(Class<?> contract, String name) {
    local.remove(key(contract, name));
    GrpcServerHost host = grpcHosts.remove(key(contract, name));
    if (host == null) {
      return Future.succeededFuture();
    }
    return endpoints().compose(map -> map.remove(key(contract, name))).compose(v -> host.close());
  }

  /** A handle on the named service; every call resolves (local first) when it is made. */
  @SuppressWarnings("unchecked")
  public <T> T lookup(Class<T> contract, String name) {
    return (T) Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract},
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(this, args);
          }
          return resolve(contract, name).compose(target -> call(target, method, args));
        });
  }

  /** True when the named implementation lives in this process. */
  public boolean isLocal(Class<?> contract, String name) {
    return local.containsKey(key(contract, name));
  }

  /**
   * Turns on gRPC serving for this process (separately deployed services): every service bound
   * afterwards gets a listener on {@code host}, the first on {@code firstPort} (0 = any free port).
   */
  public void serveGrpc(String host, int firstPort) {
    this.grpc = new GrpcSettings(host, firstPort);
  }

  /** The gRPC listener of a bound service, when this process serves gRPC. */
  public GrpcServerHost grpcHost(Class<?> contract, String name) {
    return grpcHosts.get(key(contract, name));
  }

  private record GrpcSettings(String host, int firstPort) {
  }

  @SuppressWarnings("unchecked")
  private <T> Future<T> resolve(Class<T> contract, String name) {
    String key = key(contract, name);
    Object found = local.get(key);
    if (found != null) {
      return Future.succeededFuture((T) found);
    }
    found = remote.get(key);
    if (found != null) {
      return Future.succeededFuture((T) found);
    }
    if (!vertx.isClustered()) {
      return Future.failedFuture(new ServiceUnavailableException(name + " is not deployed in this process"));
    }
    return endpoints().compose(map -> map.get(key)).compose(endpoint -> {
      if (endpoint == null) {
        return Future.failedFuture(new ServiceUnavailableException(name + " has no gRPC endpoint in the cluster yet"));
      }
      int colon = endpoint.lastIndexOf(':');
      SocketAddress address = SocketAddress.inetSocketAddress(
          Integer.parseInt(endpoint.substring(colon + 1)), endpoint.substring(0, colon));
      T client = GrpcContracts.client(contract, client(), address);
      remote.put(key, client);
      return Future.succeededFuture(client);
    });
  }

  /** Forgets a remote endpoint after a transport failure, so the next call resolves again. */
  public void forgetRemote(Class<?> contract, String name) {
    remote.remove(key(contract, name));
  }

  private synchronized GrpcClient client() {
    if (grpcClient == null) {
      grpcClient = GrpcClient.client(vertx, new GrpcClientOptions());
    }
    return grpcClient;
  }

  private Future<AsyncMap<String, String>> endpoints() {
    return vertx.sharedData().<String, String>getAsyncMap(ENDPOINTS_MAP);
  }

  @SuppressWarnings("unchecked")
  private static Future<Object> call(Object target, Method method, Object[] args) {
    try {
      return (Future<Object>) method.invoke(target, args);
    } catch (InvocationTargetException e) {
      return Future.failedFuture(e.getCause());
    } catch (IllegalAccessException e) {
      return Future.failedFuture(e);
    }
  }

  private static String key(Class<?> contract, String name) {
    return contract.getSimpleName() + "/" + name;
  }

}
