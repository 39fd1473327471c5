package dev.tradingsystem.agents.runtime;

/**
 * Why a request was refused at the agent's boundary.
 *
 * @param reason  short, stable label for metrics ({@code missing_features}, {@code invalid_price})
 * @param message what was wrong, for the caller and the dead-letter record
 */
public record Rejection(String reason, String message) {
}
