/**
 * The training request form, pure: the fields as typed → a RequestTrainingInput (or per-field
 * problems found before sending), shell-like splitting of the command line, and which field a
 * server BAD_USER_INPUT error names (its message starts with the path, e.g. `input.resources.gpu: ...`).
 */
import type { RequestTrainingInput, TrainingPriority } from '../../gql/graphql.js';

export interface TrainingForm {
  name: string; experiment: string; image: string; command: string; args: string; env: string;
  cpu: string; memory: string; gpu: string; gpuType: string; workers: string; datasets: string; featureGroups: string; retries: string; timeoutSeconds: string; priority: string;
}
export type FormField = keyof TrainingForm;
/** A problem found in the browser: a message key and its variables. */
export interface FieldProblem { key: 'required' | 'integer' | 'envLine' | 'quotes'; vars?: Record<string, string | number> }

export const EMPTY_FORM: TrainingForm = {
  name: '', experiment: '', image: '', command: '', args: '', env: '', cpu: '1', memory: '2Gi', gpu: '0', gpuType: '', workers: '1', datasets: '', featureGroups: '', retries: '0', timeoutSeconds: '3600', priority: 'NORMAL',
};

/** The priorities a request may ask for (the server's TrainingPriority). */
export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH'] as const satisfies readonly TrainingPriority[];

/** Split a command line like a POSIX shell does for words: spaces separate, '…' and "…" quote, \ escapes. Null on an open quote. */
export function splitArgs(line: string): string[] | null {
  const out: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote === "'") { if (ch === "'") quote = null; else word += ch; continue; }
    if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) word += line[++i];
      else word += ch;
      continue;
    }
    if (ch === "'" || ch === '"') { quote = ch; inWord = true; continue; }
    if (ch === '\\' && i + 1 < line.length) { word += line[++i]; inWord = true; continue; }
    if (/\s/.test(ch)) { if (inWord) out.push(word); word = ''; inWord = false; continue; }
    word += ch;
    inWord = true;
  }
  if (quote) return null;
  if (inWord) out.push(word);
  return out;
}

/** The items of a one-per-line (or comma-separated) field. */
export const listItems = (s: string): string[] => s.split(/[\n,]/).map((l) => l.trim()).filter(Boolean);

/** The field's text with `item` on a new line (unless it is there already). */
export function addLine(text: string, item: string): string {
  if (listItems(text).includes(item)) return text;
  return text.trim() ? `${text.replace(/\s+$/, '')}\n${item}` : item;
}

function parseEnv(text: string): { name: string; value: string }[] | FieldProblem {
  const out: { name: string; value: string }[] = [];
  for (const [i, line] of text.split('\n').map((l) => l.trim()).entries()) {
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return { key: 'envLine', vars: { line: i + 1 } };
    out.push({ name: line.slice(0, eq).trim(), value: line.slice(eq + 1) });
  }
  return out;
}

function int(text: string): number | null | undefined {
  if (!text.trim()) return undefined;
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** The request to send, or the fields that are wrong before asking the server. */
export function toRequest(form: TrainingForm, requestId: string): { input: RequestTrainingInput } | { problems: Partial<Record<FormField, FieldProblem>> } {
  const problems: Partial<Record<FormField, FieldProblem>> = {};
  if (!form.image.trim()) problems.image = { key: 'required' };
  const command = splitArgs(form.command);
  const args = splitArgs(form.args);
  if (!command) problems.command = { key: 'quotes' };
  if (!args) problems.args = { key: 'quotes' };
  const env = parseEnv(form.env);
  if (!Array.isArray(env)) problems.env = env;
  const numbers = { gpu: int(form.gpu), workers: int(form.workers), retries: int(form.retries), timeoutSeconds: int(form.timeoutSeconds) };
  for (const [field, value] of Object.entries(numbers)) if (value === null) problems[field as FormField] = { key: 'integer' };
  if (Object.keys(problems).length > 0 || !command || !args || !Array.isArray(env)) return { problems };
  const opt = (s: string) => s.trim() || null;
  return {
    input: {
      requestId, name: opt(form.name), experiment: opt(form.experiment), image: form.image.trim(),
      command: command.length ? command : null, args: args.length ? args : null, env: env.length ? env : null,
      resources: { cpu: opt(form.cpu), memory: opt(form.memory), gpu: numbers.gpu ?? null, gpuType: opt(form.gpuType) }, workers: numbers.workers ?? null,
      inputs: {
        datasets: listItems(form.datasets).length ? listItems(form.datasets) : null,
        featureGroups: listItems(form.featureGroups).length ? listItems(form.featureGroups) : null,
      },
      retries: numbers.retries ?? null, timeoutSeconds: numbers.timeoutSeconds ?? null,
      priority: (PRIORITIES as readonly string[]).includes(form.priority) ? (form.priority as TrainingPriority) : null,
    },
  };
}

const SERVER_FIELDS: ReadonlyArray<[RegExp, FormField]> = [
  [/^input\.resources\.gpuType\b/, 'gpuType'], [/^input\.resources\.gpu\b/, 'gpu'], [/^input\.resources\.cpu\b/, 'cpu'], [/^input\.resources\.memory\b/, 'memory'],
  [/^input\.inputs\.datasets\b/, 'datasets'], [/^input\.inputs\.featureGroups\b/, 'featureGroups'], [/^input\.env\b/, 'env'], [/^input\.command\b/, 'command'], [/^input\.args\b/, 'args'],
  [/^input\.workers\b/, 'workers'], [/^input\.image\b/, 'image'], [/^input\.experiment\b/, 'experiment'], [/^input\.name\b/, 'name'], [/^input\.retries\b/, 'retries'], [/^input\.timeoutSeconds\b/, 'timeoutSeconds'], [/^input\.priority\b/, 'priority'],
];

/** The form field of a BAD_USER_INPUT's field path (`input.resources.gpu`), or of its message when it has none (null when neither names one). */
export function fieldOfError(pathOrMessage: string): FormField | null {
  return SERVER_FIELDS.find(([re]) => re.test(pathOrMessage))?.[1] ?? null;
}

/** A fresh idempotency key (crypto.getRandomValues works outside secure contexts, unlike randomUUID). */
export function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Words back to a command line splitArgs reads the same: bare when safe, else "…" or '…' quoting. */
export function joinArgs(words: readonly string[]): string {
  return words.map((w) => {
    if (/^[\w@%+=:,./-]+$/.test(w)) return w;
    if (!/["\\$`]/.test(w)) return `"${w}"`;
    return `'${w.replace(/'/g, `'\\''`)}'`;
  }).join(' ');
}
