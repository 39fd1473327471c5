package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.AnalyzeRequest;

/**
 * How an agent asks a language model about one event: its role (system prompt) and the event
 * rendered as the user message. Versioned, because a changed prompt is a changed model: the
 * version is part of the model id stamped on every signal, so results of two prompts never mix
 * unnoticed in a backtest. The answer format is appended by the runtime from
 * {@link #answerContract()}, so an agent picks a contract but cannot forget or alter its wording.
 */
public interface PromptTemplate {

  /** Stable id of this prompt and its version, e.g. {@code deepseek-momentum-prompt-v1}. */
  String version();

  /** The agent's role and way of reasoning, without the answer format. */
  String systemPrompt();

  /** The event as the model should see it. */
  String userMessage(AnalyzeRequest request);

  /** How far ahead the model is asked to look, in seconds; stamped as the signal's horizon. */
  int horizonSec();

  /** What the model must answer; a direction call unless the agent asks for something else. */
  default AnswerContract answerContract() {
    return AnswerContract.DIRECTIONAL;
  }
}
