import { describe, expect, it } from 'vitest';
import { diffStats, sideBySide, type DiffLine } from './diff.js';
import { initialValues, renderArguments } from './variables.js';

const L = (op: DiffLine['op'], text: string): DiffLine => ({ op, text });

describe('sideBySide', () => {
  it('pairs a changed line across and numbers each side', () => {
    const rows = sideBySide([L('EQUAL', 'You are a support agent.'), L('REMOVED', 'Be brief.'), L('ADDED', 'Be brief and kind.'), L('EQUAL', '{{question}}')]);
    expect(rows).toEqual([
      { left: { text: 'You are a support agent.', op: 'EQUAL', line: 1 }, right: { text: 'You are a support agent.', op: 'EQUAL', line: 1 } },
      { left: { text: 'Be brief.', op: 'REMOVED', line: 2 }, right: { text: 'Be brief and kind.', op: 'ADDED', line: 2 } },
      { left: { text: '{{question}}', op: 'EQUAL', line: 3 }, right: { text: '{{question}}', op: 'EQUAL', line: 3 } },
    ]);
  });

  it('faces blanks where one side has more lines', () => {
    const rows = sideBySide([L('REMOVED', 'a'), L('REMOVED', 'b'), L('ADDED', 'c'), L('ADDED', 'd'), L('ADDED', 'e'), L('EQUAL', 'f')]);
    expect(rows.map((r) => [r.left?.text ?? null, r.right?.text ?? null])).toEqual([['a', 'c'], ['b', 'd'], [null, 'e'], ['f', 'f']]);
    expect(rows[3].left?.line).toBe(3);
    expect(rows[3].right?.line).toBe(4);
  });

  it('shows pure additions on the right only', () => {
    expect(sideBySide([L('ADDED', 'x')])).toEqual([{ left: null, right: { text: 'x', op: 'ADDED', line: 1 } }]);
    expect(diffStats([L('ADDED', 'x'), L('REMOVED', 'y'), L('REMOVED', 'z'), L('EQUAL', 'w')])).toEqual({ added: 1, removed: 2 });
  });
});

describe('render variables', () => {
  const vars = [{ name: 'question', required: true }, { name: 'tone', required: false, default: 'friendly' }, { name: 'lang', required: false }];

  it('starts from the defaults', () => {
    expect(initialValues(vars)).toEqual({ question: '', tone: 'friendly', lang: '' });
  });

  it('sends what is filled, leaves out empty optional ones and names the missing required ones', () => {
    expect(renderArguments(vars, { question: '', tone: 'formal', lang: '', extra: 'x' })).toEqual({ variables: { tone: 'formal' }, missing: ['question'] });
    expect(renderArguments(vars, { question: 'Where is my order?' })).toEqual({ variables: { question: 'Where is my order?' }, missing: [] });
  });
});
