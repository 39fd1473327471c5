package dev.tradingsystem.shared.auth;

import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Verifies that a command comes from an operator: an HS256 JWT whose {@value #ROLES_CLAIM} claim
 * holds {@value #OPERATOR} (the same token shape the MCP endpoints and the gateway accept). The
 * key comes from {@code auth.jwtSecret} (env {@code TRADING_AUTH_JWT_SECRET}; never in the repo),
 * optionally with a required issuer {@code auth.jwtIssuer}. Without a key nobody is an operator:
 * state-changing commands fail closed rather than open.
 */
public final class OperatorAuthority {

  public static final String ROLES_CLAIM = "roles";
  public static final String OPERATOR = "operator";
  /** Shortest accepted HS256 key: RFC 7518 asks for a key at least as long as the hash. */
  public static final int MIN_SECRET_BYTES = 32;
  private static final String ALGORITHM = "HS256";

  private final JWTAuth jwt;
  private final String issuer;

  private OperatorAuthority(JWTAuth jwt, String issuer) {
    this.jwt = jwt;
    this.issuer = issuer;
  }

  /**
   * @param secret the shared HS256 key (at least {@value #MIN_SECRET_BYTES} bytes), or null/blank
   *               for an authority that refuses everyone
   * @param issuer the required {@code iss}, or null/blank for any
   */
  public static OperatorAuthority create(Vertx vertx, String secret, String issuer) {
    String requiredIssuer = issuer == null || issuer.isBlank() ? null : issuer.trim();
    if (secret == null || secret.isBlank()) {
      return new OperatorAuthority(null, requiredIssuer);
    }
    if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("auth.jwtSecret must be at least " + MIN_SECRET_BYTES + " bytes");
    }
    JWTOptions options = new JWTOptions();
    if (requiredIssuer != null) {
      options.setIssuer(requiredIssuer);
    }
    JWTAuth jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(secret))
        .setJWTOptions(options));
    return new OperatorAuthority(jwt, requiredIssuer);
  }

  /** From {@code auth.jwtSecret} and {@code auth.jwtIssuer}. */
  public static OperatorAuthority fromConfig(Vertx vertx, ConfigReader config) {
    return create(vertx, config.string("auth.jwtSecret", null), config.string("auth.jwtIssuer", null));
  }

  /** Whether a key is configured at all (otherwise every verification fails). */
  public boolean configured() {
    return jwt != null;
  }

  /**
   * The operator's subject when {@code token} is a valid, unexpired token with the operator role;
   * else a failed future with an {@link OperatorAuthException} saying why.
   */
  public Future<String> verifyOperator(String token) {
    if (jwt == null) {
      return Future.failedFuture(new OperatorAuthException("no operator key is configured (auth.jwtSecret)"));
    }
    if (token == null || token.isBlank()) {
      return Future.failedFuture(new OperatorAuthException("an operator token is required"));
    }
    String raw = token.trim();
    if (raw.regionMatches(true, 0, "bearer ", 0, 7)) {
      raw = raw.substring(7).trim();
    }
    return jwt.authenticate(new TokenCredentials(raw))
        .recover(failure -> Future.failedFuture(new OperatorAuthException("token refused: " + failure.getMessage())))
        .compose(OperatorAuthority::operatorSubject);
  }

  /** Signs a token for tooling and tests; production tokens may come from any issuer sharing the key. */
  public String issue(String subject, Duration ttl, String... roles) {
    if (jwt == null) {
      throw new IllegalStateException("no operator key is configured (auth.jwtSecret)");
    }
    JWTOptions options = new JWTOptions().setAlgorithm(ALGORITHM).setSubject(subject)
        .setExpiresInSeconds((int) Math.max(1, ttl.toSeconds()));
    if (issuer != null) {
      options.setIssuer(issuer);
    }
    JsonArray claim = new JsonArray();
    Arrays.stream(roles).map(r -> r.toLowerCase(Locale.ROOT)).forEach(claim::add);
    return jwt.generateToken(new JsonObject().put(ROLES_CLAIM, claim), options);
  }

  private static Future<String> operatorSubject(User user) {
    JsonObject claims = user.attributes().getJsonObject("accessToken", user.principal());
    Object roles = claims.getValue(ROLES_CLAIM);
    boolean operator = roles instanceof JsonArray array
        ? array.stream().anyMatch(r -> OPERATOR.equalsIgnoreCase(String.valueOf(r).trim()))
        : roles instanceof String text && Arrays.stream(text.split("[ ,]+")).anyMatch(OPERATOR::equalsIgnoreCase);
    if (!operator) {
      return Future.failedFuture(new OperatorAuthException("the token does not carry the operator role"));
    }
    String subject = claims.getString("sub");
    return Future.succeededFuture(subject == null || subject.isBlank() ? "unnamed" : subject);
  }
}
