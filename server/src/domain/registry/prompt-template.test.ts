import { describe, expect, it } from 'vitest';
import { checkTemplate, placeholders, render, templateAsText, variableSpecs } from './prompt-template.js';
import { LoomError } from '../errors.js';

const field = (fn: () => unknown) => {
  try { fn(); } catch (e) { return (e as LoomError).field; }
  throw new Error('expected an error');
};

describe('prompt templates', () => {
  const text = checkTemplate({ text: 'Hi {{ name }}, about {{topic}}: {{name}} {{ not a var }} {single}' });
  const chat = checkTemplate({ messages: [{ role: 'system', content: 'Be {{tone}}' }, { role: 'user', content: '{{question}}' }] });

  it('finds placeholders in order, once each', () => {
    expect(placeholders(text)).toEqual(['name', 'topic']);
    expect(placeholders(chat)).toEqual(['tone', 'question']);
  });

  it('derives variables with declared descriptions and defaults', () => {
    expect(variableSpecs(text, [{ name: 'topic', default: 'Loom', description: 'what' }])).toEqual([
      { name: 'name', description: null, default: null, required: true },
      { name: 'topic', description: 'what', default: 'Loom', required: false },
    ]);
    expect(field(() => variableSpecs(text, [{ name: 'other' }]))).toBe('input.variables[0].name');
  });

  it('renders values, defaults and JSON, and refuses missing or unknown variables', () => {
    const specs = variableSpecs(text, [{ name: 'topic', default: 'Loom' }]);
    expect(render(text, specs, { name: 'Ada' })).toEqual({ type: 'TEXT', text: 'Hi Ada, about Loom: Ada {{ not a var }} {single}' });
    expect(render(chat, variableSpecs(chat, []), { tone: 'kind', question: [1, 2] })).toEqual({ type: 'CHAT', messages: [{ role: 'system', content: 'Be kind' }, { role: 'user', content: '[1,2]' }] });
    expect(field(() => render(text, specs, {}))).toBe('variables.name');
    expect(field(() => render(text, specs, { name: 'a', extra: 1 }))).toBe('variables.extra');
  });

  it('checks the template shape', () => {
    expect(field(() => checkTemplate({}))).toBe('input.template');
    expect(field(() => checkTemplate({ text: 'a', messages: [] }))).toBe('input.template');
    expect(field(() => checkTemplate({ text: '  ' }))).toBe('input.template.text');
    expect(field(() => checkTemplate({ messages: [{ role: 'bot', content: 'x' }] }))).toBe('input.template.messages[0].role');
    expect(templateAsText(chat)).toBe('[system]\nBe {{tone}}\n[user]\n{{question}}');
  });
});
