package dev.tradingsystem.agents.runtime;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The OpenAI chat-completions wire format, both ways: the request body for one analyze request,
 * and the opinion in a response. Kept apart from the HTTP plumbing so the protocol reads in one
 * place; the answer itself is checked by {@link AnswerSchema}.
 */
final class ChatCompletions {

  private ChatCompletions() {
  }

  /**
   * {@code {model, messages:[system, user], temperature:0, max_tokens, response_format:{type:json_object}}}:
   * temperature 0 so a replay asks the same question the same way, JSON mode so a compliant
   * server cannot answer in prose, a token cap so an answer cannot outrun the budget.
   * {@code userMessage} is the event as the prompt renders it, with any context.
   */
  static JsonObject request(String model, PromptTemplate prompt, String userMessage, int maxAnswerTokens) {
    return new JsonObject()
        .put("model", model)
        .put("messages", new JsonArray()
            .add(message("system", prompt.systemPrompt() + "\n\n" + prompt.answerContract().instructions()))
            .add(message("user", userMessage)))
        .put("temperature", 0)
        .put("max_tokens", maxAnswerTokens)
        .put("response_format", new JsonObject().put("type", "json_object"));
  }

  /**
   * The answer in a chat-completions response body: the opinion, and the tokens from its
   * {@code usage} object ({@code estimate} when the server reports none, as some local ones do).
   *
   * @throws InvalidAnswerException as {@link #opinion}
   */
  static RemoteAnswer answer(String body, PromptTemplate prompt, TokenUsage estimate) {
    JsonObject completion = object(body, "response body");
    AgentOpinion opinion = opinion(completion, prompt.answerContract(), prompt.horizonSec());
    TokenUsage usage = estimate;
    if (completion.getValue("usage") instanceof JsonObject reported
        && reported.getValue("prompt_tokens") instanceof Number in
        && reported.getValue("completion_tokens") instanceof Number out
        && in.longValue() >= 0 && out.longValue() >= 0) {
      usage = new TokenUsage(in.longValue(), out.longValue());
    }
    return new RemoteAnswer(opinion, usage);
  }

  /**
   * The opinion in a chat-completions response body.
   *
   * @throws InvalidAnswerException when the body is not a completion, the model refused or was
   *                                cut off, or its content breaks the answer contract
   */
  static AgentOpinion opinion(JsonObject completion, AnswerContract contract, int horizonSec) {
    JsonArray choices = completion.getValue("choices") instanceof JsonArray array ? array : null;
    if (choices == null || choices.isEmpty() || !(choices.getValue(0) instanceof JsonObject choice)) {
      throw new InvalidAnswerException("the response has no choices");
    }
    if (!(choice.getValue("message") instanceof JsonObject message)) {
      throw new InvalidAnswerException("the first choice has no message");
    }
    Object refusal = message.getValue("refusal");
    if (refusal != null) {
      throw new InvalidAnswerException("the model refused: " + refusal);
    }
    Object finish = choice.getValue("finish_reason");
    if (finish != null && !"stop".equals(finish)) {
      // "length" cuts the JSON, "content_filter" replaces it: neither is an answer.
      throw new InvalidAnswerException("the answer ended with finish_reason " + finish);
    }
    if (!(message.getValue("content") instanceof String content) || content.isBlank()) {
      throw new InvalidAnswerException("the message has no content");
    }
    return contract.opinion(object(content, "answer content").getMap(), horizonSec);
  }

  private static JsonObject message(String role, String content) {
    return new JsonObject().put("role", role).put("content", content);
  }

  /** Decodes {@code json} as one object. @throws InvalidAnswerException naming {@code what} otherwise */
  static JsonObject object(String json, String what) {
    try {
      Object value = io.vertx.core.json.Json.decodeValue(json);
      if (value instanceof JsonObject object) {
        return object;
      }
      throw new InvalidAnswerException(what + " is not a JSON object");
    } catch (DecodeException e) {
      throw new InvalidAnswerException(what + " is not JSON: " + abbreviate(json));
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "...";
  }
}
