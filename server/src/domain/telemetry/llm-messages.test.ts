import { describe, expect, it } from 'vitest';
import { llmTextOf } from './llm-messages.js';

describe('the text of an LLM call', () => {
  it('reads OpenLLMetry prompts and completions in order', () => {
    expect(llmTextOf({
      'gen_ai.prompt.1.role': 'user', 'gen_ai.prompt.1.content': 'Why will 10013 churn?', 'gen_ai.prompt.0.role': 'system', 'gen_ai.prompt.0.content': 'You explain churn.',
      'gen_ai.completion.0.role': 'assistant', 'gen_ai.completion.0.content': 'Tickets rose.',
    })).toEqual({ input: 'system: You explain churn.\nuser: Why will 10013 churn?', output: 'Tickets rose.' });
  });
  it('reads OpenInference messages, else its input and output values', () => {
    expect(llmTextOf({ 'llm.input_messages.0.message.role': 'user', 'llm.input_messages.0.message.content': 'Hi', 'llm.output_messages.0.message.content': 'Hello' })).toEqual({ input: 'user: Hi', output: 'Hello' });
    expect(llmTextOf({ 'input.value': 'question', 'output.value': 'answer' })).toEqual({ input: 'question', output: 'answer' });
  });
  it('reads OTel GenAI JSON messages and message events', () => {
    expect(llmTextOf({
      'gen_ai.input.messages': JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'Capital of France?' }] }]),
      'gen_ai.output.messages': JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: 'Paris' }] }]),
    })).toEqual({ input: 'user: Capital of France?', output: 'Paris' });
    expect(llmTextOf({}, [
      { name: 'gen_ai.user.message', attributes: { content: 'Hi' } },
      { name: 'gen_ai.choice', attributes: { message: '{"role":"assistant","content":"Hello"}' } },
    ])).toEqual({ input: 'user: Hi', output: 'Hello' });
  });
  it('is empty when no content was recorded, and bounded', () => {
    expect(llmTextOf({ 'gen_ai.request.model': 'gpt-4o' })).toEqual({ input: '', output: '' });
    expect(llmTextOf({ 'output.value': 'x'.repeat(30_000), 'input.value': 'q' }).output).toHaveLength(20_000);
    expect(llmTextOf({ 'gen_ai.input.messages': 'not json', 'output.value': 'a' })).toEqual({ input: '', output: 'a' });
  });
});
