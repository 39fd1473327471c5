package dev.tradingsystem.shared.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.grpc.server.GrpcServer;

/** The process's gRPC listener, on its own port (separately deployed services only). */
public record GrpcServerHost(GrpcServer server, HttpServer http, String host, int port) {

  /** Listens on {@code host:port}; port 0 picks a free one, which is then published. */
  public static Future<GrpcServerHost> start(Vertx vertx, String host, int port) {
    GrpcServer grpc = GrpcServer.server(vertx);
    HttpServer http = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port));
    return http.requestHandler(grpc).listen()
        .map(server -> new GrpcServerHost(grpc, server, host, server.actualPort()));
  }

  public Future<Void> close() {
    return http.close();
  }
}
