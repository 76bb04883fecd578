import { describe, expect, it } from 'vitest';
import { format } from '../../i18n/i18n.js';
import { cadenceText, changeText, hourText, lastDay, periodText, toggledInput, utcText } from './reports.js';
import { M } from './messages.js';

const en = (key: keyof typeof M.en, vars?: Record<string, string>) => format(M.en[key], vars);
const zh = (key: keyof typeof M.zh, vars?: Record<string, string>) => format(M.zh[key], vars);

describe('reports page helpers', () => {
  it('says a cadence in words, hours in UTC', () => {
    expect(cadenceText({ cadence: 'DAILY', hourUtc: 6, weekday: null }, en)).toBe('Daily at 06:00 UTC');
    expect(cadenceText({ cadence: 'WEEKLY', hourUtc: 6, weekday: 1 }, en)).toBe('Weekly on Monday at 06:00 UTC');
    expect(cadenceText({ cadence: 'WEEKLY', hourUtc: 23, weekday: 7 }, en)).toBe('Weekly on Sunday at 23:00 UTC');
    expect(cadenceText({ cadence: 'WEEKLY', hourUtc: 0, weekday: 5 }, zh)).toBe('每周星期五 00:00 UTC');
    expect([0, 9, 15].map(hourText)).toEqual(['00:00', '09:00', '15:00']);
  });
  it('shows periods in UTC', () => {
    expect(utcText('2026-03-02T06:00:00.000Z')).toBe('2026-03-02 06:00 UTC');
    expect(utcText('2026-03-02T08:30:00+02:00')).toBe('2026-03-02 06:30 UTC');
    expect(periodText('2026-03-01T06:00:00.000Z', '2026-03-02T06:00:00.000Z')).toBe('2026-03-01 06:00 – 2026-03-02 06:00 UTC');
  });
  it('starts on demand with the 24 hours up to the end of this minute', () => {
    expect(lastDay(Date.parse('2026-03-02T10:15:30.500Z'))).toEqual({ from: '2026-03-01T10:16:00.000Z', to: '2026-03-02T10:16:00.000Z' });
    expect(lastDay(Date.parse('2026-03-02T10:15:00.000Z'))).toEqual({ from: '2026-03-01T10:15:00.000Z', to: '2026-03-02T10:15:00.000Z' });
  });
  it('gives the change against the period before in signed whole percent, none when there was nothing before', () => {
    expect(changeText(30, 24)).toBe('+25 %');
    expect(changeText(9, 10)).toBe('−10 %');
    expect(changeText(0.5, 0.5)).toBe('0 %');
    expect(changeText(0, 4)).toBe('−100 %');
    expect(changeText(30, 0)).toBeNull();
  });
  it('pauses and resumes with the same definition (a daily schedule sends no weekday)', () => {
    const daily = { name: 'Ops daily', cadence: 'DAILY' as const, hourUtc: 6, weekday: null, sections: ['LLM' as const, 'GPU' as const], enabled: true };
    expect(toggledInput(daily)).toEqual({ name: 'Ops daily', cadence: 'DAILY', hourUtc: 6, weekday: null, sections: ['LLM', 'GPU'], enabled: false });
    expect(toggledInput({ ...daily, cadence: 'WEEKLY', weekday: 3, enabled: false })).toMatchObject({ cadence: 'WEEKLY', weekday: 3, enabled: true });
  });
});
