/**
 * Prompt templates: text, or chat messages, with `{{variable}}` placeholders (spaces inside the
 * braces allowed; names of letters, digits, `_` and `.`). Pure functions.
 */
import { badInput } from '../errors.js';

export interface ChatMessage { role: string; content: string }
export type Template = { type: 'TEXT'; text: string } | { type: 'CHAT'; messages: ChatMessage[] };
export interface VariableSpec { name: string; description: string | null; default: string | null; required: boolean }

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g;
const ROLES = new Set(['system', 'user', 'assistant', 'tool', 'developer']);
const MAX_TEMPLATE = 200_000;

export const templateTexts = (t: Template): string[] => (t.type === 'TEXT' ? [t.text] : t.messages.map((m) => m.content));

/** Placeholders in order of first appearance. */
export function placeholders(t: Template): string[] {
  const seen = new Set<string>();
  for (const text of templateTexts(t)) for (const m of text.matchAll(PLACEHOLDER)) seen.add(m[1]);
  return [...seen];
}

export function checkTemplate(input: { text?: string | null; messages?: { role: string; content: string }[] | null }): Template {
  if ((input.text == null) === (input.messages == null)) throw badInput('input.template', 'give either text or messages');
  if (input.text != null) {
    if (typeof input.text !== 'string' || !input.text.trim()) throw badInput('input.template.text', 'must be a non-empty string');
    if (input.text.length > MAX_TEMPLATE) throw badInput('input.template.text', `must be at most ${MAX_TEMPLATE} characters`);
    return { type: 'TEXT', text: input.text };
  }
  const messages = input.messages!;
  if (!messages.length || messages.length > 200) throw badInput('input.template.messages', 'must have 1-200 messages');
  let size = 0;
  messages.forEach((m, i) => {
    if (!ROLES.has(m.role)) throw badInput(`input.template.messages[${i}].role`, `must be one of ${[...ROLES].join(', ')}`);
    if (typeof m.content !== 'string') throw badInput(`input.template.messages[${i}].content`, 'must be a string');
    size += m.content.length;
  });
  if (size > MAX_TEMPLATE) throw badInput('input.template.messages', `at most ${MAX_TEMPLATE} characters in all`);
  return { type: 'CHAT', messages: messages.map((m) => ({ role: m.role, content: m.content })) };
}

/**
 * The variables of a version: every placeholder (required unless it has a default), with the
 * descriptions and defaults declared. A declared variable the template does not use is an error.
 */
export function variableSpecs(t: Template, declared: { name: string; description?: string | null; default?: string | null }[] | null | undefined): VariableSpec[] {
  const used = placeholders(t);
  const byName = new Map<string, VariableSpec>();
  (declared ?? []).forEach((d, i) => {
    if (!used.includes(d.name)) throw badInput(`input.variables[${i}].name`, `${d.name} does not appear as {{${d.name}}} in the template`);
    if (byName.has(d.name)) throw badInput(`input.variables[${i}].name`, `${d.name} declared twice`);
    byName.set(d.name, { name: d.name, description: d.description ?? null, default: d.default ?? null, required: d.default == null });
  });
  return used.map((name) => byName.get(name) ?? { name, description: null, default: null, required: true });
}

const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Fill the placeholders; every required variable must be given, and nothing the template does not use. */
export function render(t: Template, specs: readonly VariableSpec[], values: Record<string, unknown>): Template {
  const known = new Map(specs.map((s) => [s.name, s]));
  for (const k of Object.keys(values)) if (!known.has(k)) throw badInput(`variables.${k}`, `the prompt has no variable ${k} (it has: ${[...known.keys()].join(', ') || 'none'})`);
  const filled = new Map<string, string>();
  for (const s of specs) {
    const v = values[s.name];
    if (v === undefined || v === null) {
      if (s.default === null) throw badInput(`variables.${s.name}`, 'required');
      filled.set(s.name, s.default);
    } else filled.set(s.name, asText(v));
  }
  const fill = (text: string) => text.replace(PLACEHOLDER, (_m, name: string) => filled.get(name) ?? _m);
  return t.type === 'TEXT' ? { type: 'TEXT', text: fill(t.text) } : { type: 'CHAT', messages: t.messages.map((m) => ({ role: m.role, content: fill(m.content) })) };
}

/** One text for display and diffs: chat messages as `[role]` headers followed by their content. */
export function templateAsText(t: Template): string {
  return t.type === 'TEXT' ? t.text : t.messages.map((m) => `[${m.role}]\n${m.content}`).join('\n');
}
