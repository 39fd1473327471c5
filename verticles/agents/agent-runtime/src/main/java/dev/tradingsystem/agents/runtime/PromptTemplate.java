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

  /**
   * The event as the model should see it.
   *
   * @throws RemoteCallException with {@link RemoteCallException#NOTHING_TO_ASK} when the event
   *                             gives the model nothing to judge
   */
  String userMessage(AnalyzeRequest request);

  /**
   * The user message with the context other services gave ({@link PromptContext#section()}); by
   * default the section follows the event. A template whose message must end in a fixed way (an
   * answer cue) overrides it to put the section before. Without context the message is unchanged.
   */
  default String withContext(String userMessage, PromptContext context) {
    if (context.isEmpty()) {
      return userMessage;
    }
    String separator = userMessage.endsWith("\n") ? "" : "\n";
    return userMessage + separator + context.section();
  }

  /** How far ahead the model is asked to look, in seconds; stamped as the signal's horizon. */
  int horizonSec();

  /** What the model must answer; a direction call unless the agent asks for something else. */
  default AnswerContract answerContract() {
    return AnswerContract.DIRECTIONAL;
  }
}
