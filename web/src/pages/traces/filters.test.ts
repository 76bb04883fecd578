import { describe, expect, it } from 'vitest';
import { cursorStack, filterParams, toTraceFilter } from './filters.js';

const NOW = Date.parse('2026-03-05T12:00:00.000Z');

describe('trace filters', () => {
  it('reads the URL, ignoring values it does not know', () => {
    expect(filterParams(new URLSearchParams('service=%20chat-api%20&status=BROKEN&range=2y'))).toEqual({ service: 'chat-api', model: '', prompt: '', status: '', range: 'all' });
    expect(filterParams(new URLSearchParams('status=ERROR&range=1h&model=gpt-4o')).status).toBe('ERROR');
  });

  it('turns them into the API filter, with the time range from now', () => {
    const p = filterParams(new URLSearchParams('service=chat-api&model=gpt-4o&status=OK&range=24h'));
    expect(toTraceFilter(p, NOW)).toEqual({ service: 'chat-api', model: 'gpt-4o', status: 'OK', from: '2026-03-04T12:00:00.000Z' });
    expect(toTraceFilter(filterParams(new URLSearchParams('')), NOW)).toEqual({});
  });

  it('splits a prompt filter into name and version', () => {
    const f = (prompt: string) => toTraceFilter({ ...filterParams(new URLSearchParams()), prompt }, NOW);
    expect(f('support-answer@3')).toEqual({ promptName: 'support-answer', promptVersion: '3' });
    expect(f('support-answer')).toEqual({ promptName: 'support-answer' });
    expect(f('@3')).toEqual({ promptVersion: '3' });
    expect(f('team@corp@2')).toEqual({ promptName: 'team@corp', promptVersion: '2' });
  });

  it('keeps the pages seen as a cursor stack', () => {
    expect(cursorStack(new URLSearchParams('pages=a,b'))).toEqual(['a', 'b']);
    expect(cursorStack(new URLSearchParams(''))).toEqual([]);
  });
});
