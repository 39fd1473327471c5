package dev.tradingsystem.shared.service;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The co-located transport of a gRPC contract: a call on the proxy runs the implementation's
 * method on the implementation's own context (so its state stays single-threaded) and completes
 * on the caller's context. No socket, no serialisation: the same immutable messages pass.
 */
final class LocalInvoker {

  private LocalInvoker() {
  }

  @SuppressWarnings("unchecked")
  static <T> T proxy(Class<T> contract, T implementation, Context owner) {
    return (T) Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract},
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(implementation, args);
          }
          return invoke(owner, implementation, method, args);
        });
  }

  private static Future<Object> invoke(Context owner, Object implementation, Method method, Object[] args) {
    ContextInternal caller = (ContextInternal) Vertx.currentContext();
    Promise<Object> promise = caller != null ? caller.promise() : Promise.promise();
    Runnable call = () -> {
      try {
        Future<?> result = (Future<?>) method.invoke(implementation, args);
        result.onComplete(ar -> {
          if (ar.succeeded()) {
            promise.tryComplete(ar.result());
          } else {
            promise.tryFail(ar.cause());
          }
        });
      } catch (InvocationTargetException e) {
        promise.tryFail(e.getCause());
      } catch (ReflectiveOperationException | RuntimeException e) {
        promise.tryFail(e);
      }
    };
    if (Vertx.currentContext() == owner) {
      call.run();
    } else {
      owner.runOnContext(v -> call.run());
    }
    return promise.future();
  }
}
