package dev.tradingsystem.shared.service;

import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentServiceGrpcClient;
import dev.tradingsystem.proto.MarketDataService;
import dev.tradingsystem.proto.MarketDataServiceGrpcClient;
import dev.tradingsystem.proto.PortfolioService;
import dev.tradingsystem.proto.PortfolioServiceGrpcClient;
import dev.tradingsystem.proto.RiskService;
import dev.tradingsystem.proto.RiskServiceGrpcClient;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import java.util.Map;
import java.util.function.BiFunction;

/** How to reach each contract over Vert.x gRPC: the generated client for each generated interface. */
final class GrpcContracts {

  private static final Map<Class<?>, BiFunction<GrpcClient, SocketAddress, ?>> CLIENTS = Map.of(
      RiskService.class, RiskServiceGrpcClient::create,
      PortfolioService.class, PortfolioServiceGrpcClient::create,
      AgentService.class, AgentServiceGrpcClient::create,
      MarketDataService.class, MarketDataServiceGrpcClient::create);

  private GrpcContracts() {
  }

  @SuppressWarnings("unchecked")
  static <T> T client(Class<T> contract, GrpcClient client, SocketAddress address) {
    BiFunction<GrpcClient, SocketAddress, ?> factory = CLIENTS.get(contract);
    if (factory == null) {
      throw new IllegalArgumentException(contract.getName() + " is not a gRPC contract of protos/");
    }
    return (T) factory.apply(client, address);
  }
}
