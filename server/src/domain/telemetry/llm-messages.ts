/**
 * The text of an LLM call as instrumentations record it (when they are asked to record message
 * content), read from a span's attributes and events into one input (the messages sent, one per line
 * as `role: content`) and one output (the answer):
 * - OpenLLMetry: `gen_ai.prompt.<i>.role`/`.content`, `gen_ai.completion.<i>.content`;
 * - OpenInference: `llm.input_messages.<i>.message.role`/`.content`, `llm.output_messages.<i>.message.content`,
 *   else `input.value` / `output.value`;
 * - OTel GenAI: `gen_ai.input.messages` / `gen_ai.output.messages` (JSON, messages of parts), or the
 *   span events `gen_ai.{system,user,assistant,tool}.message` and `gen_ai.choice`.
 * Pure.
 */
export interface SpanText { input: string; output: string }

type Attrs = Record<string, string>;
const MAX = 20_000;

/** `<prefix><i><suffix>` values in index order. */
function indexed(attrs: Attrs, prefix: string, suffix: string): { i: number; value: string }[] {
  const out: { i: number; value: string }[] = [];
  for (const [k, v] of Object.entries(attrs)) {
    if (!k.startsWith(prefix) || !k.endsWith(suffix)) continue;
    const i = Number(k.slice(prefix.length, k.length - suffix.length));
    if (Number.isInteger(i) && i >= 0) out.push({ i, value: v });
  }
  return out.sort((a, b) => a.i - b.i);
}

/** Indexed messages as lines, `role: content` when `roleSuffix` is given and the role recorded. */
function messages(attrs: Attrs, prefix: string, contentSuffix: string, roleSuffix: string | null = null): string {
  return indexed(attrs, prefix, contentSuffix).map(({ i, value }) => {
    const role = roleSuffix ? attrs[`${prefix}${i}${roleSuffix}`] : undefined;
    return role ? `${role}: ${value}` : value;
  }).join('\n');
}

/** OTel GenAI's JSON messages: `[{ role, parts: [{ type: 'text', content }] }]` (or `content` directly). */
function jsonMessages(text: string | undefined, withRole: boolean): string {
  if (!text) return '';
  try {
    const list = JSON.parse(text) as { role?: string; content?: unknown; parts?: { type?: string; content?: unknown }[] }[];
    if (!Array.isArray(list)) return '';
    return list.map((m) => {
      const body = Array.isArray(m.parts) ? m.parts.filter((p) => typeof p.content === 'string').map((p) => p.content).join('\n') : typeof m.content === 'string' ? m.content : '';
      return withRole && m.role ? `${m.role}: ${body}` : body;
    }).filter(Boolean).join('\n');
  } catch {
    return '';
  }
}

function fromEvents(events: readonly { name: string; attributes: Attrs }[]): SpanText {
  const input = events.filter((e) => /^gen_ai\.(system|user|assistant|tool)\.message$/.test(e.name))
    .map((e) => `${e.name.split('.')[1]}: ${e.attributes.content ?? ''}`).join('\n');
  const output = events.filter((e) => e.name === 'gen_ai.choice').map((e) => {
    const m = e.attributes.message;
    if (!m) return e.attributes.content ?? '';
    try { return String((JSON.parse(m) as { content?: unknown }).content ?? ''); } catch { return m; }
  }).join('\n');
  return { input, output };
}

export function llmTextOf(attrs: Attrs, events: readonly { name: string; attributes: Attrs }[] = []): SpanText {
  const first = (...xs: string[]) => xs.find((x) => x.trim() !== '') ?? '';
  const ev = fromEvents(events);
  const input = first(
    messages(attrs, 'gen_ai.prompt.', '.content', '.role'),
    messages(attrs, 'llm.input_messages.', '.message.content', '.message.role'),
    jsonMessages(attrs['gen_ai.input.messages'], true),
    ev.input,
    attrs['input.value'] ?? '',
  );
  const output = first(
    messages(attrs, 'gen_ai.completion.', '.content'),
    messages(attrs, 'llm.output_messages.', '.message.content'),
    jsonMessages(attrs['gen_ai.output.messages'], false),
    ev.output,
    attrs['output.value'] ?? '',
  );
  return { input: input.slice(0, MAX), output: output.slice(0, MAX) };
}
