import { describe, expect, it } from 'vitest';
import { judgeRequest, readVerdict } from './judge-prompt.js';

describe('LLM judge prompt', () => {
  it('asks for one criterion, with the input, the reference and the answer', () => {
    const r = judgeRequest('gpt-4o-mini', 'correctness', { input: 'Capital of France?', prediction: 'Lyon', reference: 'Paris' });
    expect(r.model).toBe('gpt-4o-mini');
    expect(r.messages[0].content).toContain('{"grade": <integer 1-5>');
    expect(r.messages[1].content).toContain('Criterion: correctness. Is the answer factually correct');
    expect(r.messages[1].content).toMatch(/\[Input\]\nCapital of France\?\n\n\[Reference answer\]\nParis\n\n\[Answer to grade\]\nLyon$/);
    expect(judgeRequest('m', 'tone', { input: '', prediction: 'x', reference: '' }).messages[1].content).toContain('the criterion "tone"');
  });

  it('reads the grade as a score 0..1, fenced or not, and refuses anything else', () => {
    expect(readVerdict('{"grade": 5, "rationale": "right"}')).toEqual({ score: 1, rationale: 'right' });
    expect(readVerdict('```json\n{"grade": "2"}\n```')).toEqual({ score: 0.25, rationale: null });
    expect(() => readVerdict('Grade: 4')).toThrow(/did not answer JSON/);
    expect(() => readVerdict('{"grade": 7}')).toThrow(/not an integer 1-5: 7/);
    expect(() => readVerdict('{"grade": 3.5}')).toThrow(/not an integer/);
  });
});
