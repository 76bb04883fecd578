/**
 * An LLM used as a judge: scores one example (its input, the model's prediction, the reference) on one
 * criterion. Adapters (server/src/judges/): an OpenAI-compatible chat completions API, Anthropic's Messages API.
 */
export interface JudgeRequest { model: string; messages: { role: 'system' | 'user'; content: string }[] }
/** The judge model's answer text, and the tokens it cost. */
export interface JudgeAnswer { content: string; tokens: number }

export interface Judge {
  /** The model used when a request names none. */
  readonly defaultModel: string;
  /** One chat completion; retries what is worth retrying itself, and throws what is not. */
  complete(request: JudgeRequest): Promise<JudgeAnswer>;
}
