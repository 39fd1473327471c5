package dev.tradingsystem.agents.runtime.vertex;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiExceptionFactory;
import io.grpc.Status;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a failed {@code PredictionService} call is reported: gRPC status to degraded reason. */
class VertexFailuresTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "RESOURCE_EXHAUSTED,  http_429",
      "UNAVAILABLE,         http_5xx",
      "INTERNAL,            http_5xx",
      "UNKNOWN,             http_5xx",
      "DATA_LOSS,           http_5xx",
      "UNIMPLEMENTED,       http_5xx",
      "INVALID_ARGUMENT,    http_4xx",
      "FAILED_PRECONDITION, http_4xx",
      "OUT_OF_RANGE,        http_4xx",
      "PERMISSION_DENIED,   http_4xx",
      "UNAUTHENTICATED,     http_4xx",
      "NOT_FOUND,           http_4xx",
      "ALREADY_EXISTS,      http_4xx",
      "ABORTED,             http_4xx",
      "DEADLINE_EXCEEDED,   timeout",
      "CANCELLED,           unreachable",
  })
  void grpcStatusBecomesTheDegradedReason(Status.Code code, String reason) {
    var failure = ApiExceptionFactory.createException("from the server", null, GrpcStatusCode.of(code), false);
    assertThat(VertexFailures.predict(failure).reason()).isEqualTo(reason);
  }

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({"429, http_429", "400, http_4xx", "403, http_4xx", "404, http_4xx", "500, http_5xx", "503, http_5xx"})
  void httpStatusBecomesTheDegradedReason(int status, String reason) {
    assertThat(VertexFailures.httpReason(status)).isEqualTo(reason);
  }

  @Test
  void aChannelThatCannotConnectIsUnreachableNotAServerError() {
    var failure = ApiExceptionFactory.createException("io exception",
        new ConnectException("Connection refused"), GrpcStatusCode.of(Status.Code.UNAVAILABLE), true);
    assertThat(VertexFailures.predict(failure).reason()).isEqualTo("unreachable");
  }
}
