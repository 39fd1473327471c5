package dev.tradingsystem.shared.service;

import io.vertx.core.Vertx;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * One instance of a process-wide helper per Vert.x instance (tests run several in one JVM).
 * Weakly keyed so a closed Vert.x and its helpers can be collected.
 */
public final class VertxScoped<T> {

  private final Map<Vertx, T> instances = new WeakHashMap<>();
  private final Function<Vertx, T> factory;

  public VertxScoped(Function<Vertx, T> factory) {
    this.factory = factory;
  }

  public synchronized T get(Vertx vertx) {
    return instances.computeIfAbsent(vertx, factory);
  }
}
