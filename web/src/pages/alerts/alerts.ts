/** Pure helpers of the alerts page: the labels text of the rule form, a rule's condition in words, a series' labels in short, webhook formats. */
import type { Translate } from '../../i18n/i18n.js';
import { DURATION_UNITS } from '../runs/compare.js';

export interface Matcher { key: string; value: string }

/** `key=value` lines (blank lines ignored) → matchers; the first bad line's number when one has no `=` or no key. */
export function parseLabels(text: string): { labels: Matcher[] } | { badLine: number } {
  const labels: Matcher[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const at = line.indexOf('=');
    if (at <= 0) return { badLine: i + 1 };
    labels.push({ key: line.slice(0, at).trim(), value: line.slice(at + 1).trim() });
  }
  return { labels };
}

/** The status badge class (tracking.css) of an alert state. */
export const STATE_CLASS: Record<string, string> = { FIRING: 'FAILED', PENDING: 'ABORTED', RESOLVED: 'COMPLETED' };

/** The status badge class of a rule's severity. */
export const SEVERITY_CLASS: Record<string, string> = { CRITICAL: 'FAILED', WARNING: 'ABORTED', INFO: 'QUEUED' };

export const OP_SYMBOL: Record<string, string> = { GT: '>', GTE: '≥', LT: '<', LTE: '≤' };

/** "30 s", "5 min", "2 h", "1 d" (in Chinese "30 秒", "5 分"...): the largest unit that divides the seconds. */
export function duration(seconds: number, u: { s: string; min: string; h: string; d: string } = DURATION_UNITS.en): string {
  if (seconds === 0) return `0 ${u.s}`;
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['min', 60]] as const) if (seconds % size === 0) return `${seconds / size} ${u[unit]}`;
  return `${seconds} ${u.s}`;
}

/** A series' labels in short, the telling ones first: a GPU's pod and uuid, a service, then the rest. */
export function seriesText(labels: Record<string, string>): string {
  const first = ['namespace', 'pod', 'gpu_uuid', 'service.name'];
  const keys = Object.keys(labels).filter((k) => labels[k] !== '' && k !== 'gpu_model' && k !== 'container');
  keys.sort((a, b) => (first.indexOf(a) + 1 || 99) - (first.indexOf(b) + 1 || 99) || a.localeCompare(b));
  return keys.map((k) => `${k}=${labels[k]}`).join(' ');
}

/** `run:<id>` → `<id>` (the pages link runs by their OpenLineage run id). */
export const runIdOf = (nodeId: string) => (nodeId.startsWith('run:') ? nodeId.slice(4) : nodeId);

/** Loom's own webhook formats; the others are plugins' (`webhookFormats`). */
const BUILT_IN_FORMATS = ['LOOM', 'SLACK'];

/** The formats the webhook form offers: the server's (LOOM, SLACK, then plugins'), the built-in ones until it answers; `chosen` always among them. */
export function webhookFormatChoices(served: readonly string[] | null | undefined, chosen: string): string[] {
  const list = [...new Set([...BUILT_IN_FORMATS, ...(served ?? [])])];
  return list.includes(chosen) ? list : [...list, chosen];
}

/** A webhook format for people: LOOM, SLACK and EMAIL translated, a plugin's by its name. */
export function webhookFormatLabel(format: string, t: Translate<'formatLOOM' | 'formatSLACK' | 'formatEMAIL' | 'formatPlugin'>): string {
  if (format === 'LOOM') return t('formatLOOM');
  if (format === 'SLACK') return t('formatSLACK');
  if (format === 'EMAIL') return t('formatEMAIL');
  return t('formatPlugin', { name: format });
}

/** Slack's, Mattermost's and Teams' incoming-webhook hosts take Slack's `{ text }`. */
const slackLike = (url: string) => /^https:\/\/(hooks\.slack\.com|[^/]*\.webhook\.office\.com|[^/]*mattermost[^/]*)\//i.test(url.trim());

/** The format a destination gets unless one is picked: EMAIL for a mailto: URL, SLACK for a Slack-like hook, else the signed JSON. */
export const defaultWebhookFormat = (url: string) => (/^mailto:/i.test(url.trim()) ? 'EMAIL' : slackLike(url) ? 'SLACK' : 'LOOM');
