import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** USD per one million tokens. */
export interface ModelPrice { input: number; output: number }

const Price = z.object({ input: z.number().min(0), output: z.number().min(0) });
const PriceFile = z.union([z.object({ models: z.record(z.string(), Price) }).passthrough(), z.record(z.string(), Price)]);

const DEFAULTS_FILE = new URL('./prices.json', import.meta.url);
/** Characters that may follow a priced name in a variant: `gpt-4o-2024-08-06`, `claude-3-5-sonnet@20241022`, `llama3:8b`. */
const VARIANT_SEPARATORS = new Set(['-', ':', '@']);
const CACHE_MAX = 10_000;

/**
 * Prices per model, matched by longest prefix so dated and tagged variants find their family
 * (`gpt-4o-2024-08-06` → `gpt-4o`, `gpt-4o-mini-2024-07-18` → `gpt-4o-mini`, never `gpt-4` for `gpt-4o`).
 * A provider prefix (`openai/gpt-4o`, `models/gemini-1.5-pro`) is tried without it too. Case-insensitive.
 */
export class PriceTable {
  private readonly prices: Map<string, ModelPrice>;
  private readonly cache = new Map<string, string | null>();

  constructor(prices: Record<string, ModelPrice>) {
    this.prices = new Map(Object.entries(prices).map(([k, v]) => [k.toLowerCase(), v]));
  }

  /** The priced name a model maps to, or null. */
  match(model: string): string | null {
    const name = model.trim().toLowerCase();
    const hit = this.cache.get(name);
    if (hit !== undefined) return hit;
    const slash = name.lastIndexOf('/');
    const found = this.longestPrefix(name) ?? (slash >= 0 ? this.longestPrefix(name.slice(slash + 1)) : null);
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(name, found);
    return found;
  }

  /** Cost in USD of a call, or null when the model has no price. */
  cost(model: string, inputTokens: number, outputTokens: number): number | null {
    const key = model ? this.match(model) : null;
    if (key === null) return null;
    const p = this.prices.get(key)!;
    return (inputTokens * p.input + outputTokens * p.output) / 1_000_000;
  }

  private longestPrefix(name: string): string | null {
    if (this.prices.has(name)) return name;
    let best: string | null = null;
    for (const key of this.prices.keys()) {
      if (key.length < name.length && name.startsWith(key) && VARIANT_SEPARATORS.has(name[key.length]) && (!best || key.length > best.length)) best = key;
    }
    return best;
  }
}

function readPrices(file: URL | string, what: string): Record<string, ModelPrice> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${what}: cannot read a JSON price table (${(e as Error).message})`);
  }
  const parsed = PriceFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${what}: expected {"models": {"<model>": {"input": <USD per 1M tokens>, "output": <USD per 1M tokens>}}} (${issue.path.join('.')}: ${issue.message})`);
  }
  const data = parsed.data as Record<string, unknown>;
  return ('models' in data && typeof data.models === 'object' ? data.models : data) as Record<string, ModelPrice>;
}

/** The default prices (prices.json), overridden and extended by the file LOOM_LLM_PRICES names. */
export function loadPriceTable(overrideFile?: string): PriceTable {
  const defaults = readPrices(DEFAULTS_FILE, 'prices.json');
  const overrides = overrideFile ? readPrices(overrideFile, `LOOM_LLM_PRICES=${overrideFile}`) : {};
  return new PriceTable({ ...defaults, ...overrides });
}
