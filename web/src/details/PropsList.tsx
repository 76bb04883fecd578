import { defineMessages, useT, type Translate } from '../i18n/i18n.js';

const M = defineMessages(
  { none: 'No properties.', list: 'list of {n}', object: 'object with {n} keys', lines: '{n} lines' },
  { none: '没有属性。', list: '{n} 项的列表', object: '{n} 个键的对象', lines: '{n} 行' },
);

/** A node's props as a key/value list; nested values are shown as indented JSON, long ones folded. */
export function PropsList({ props }: { props: unknown }) {
  const t = useT(M);
  if (!isRecord(props)) return <JsonValue value={props} />;
  const entries = Object.entries(props).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="muted">{t('none')}</p>;
  return (
    <dl className="props">
      {entries.map(([key, value]) => (
        <div key={key} className="prop">
          <dt>{key}</dt>
          <dd>{isScalar(value) ? String(value) : <JsonValue value={value} />}</dd>
        </div>
      ))}
    </dl>
  );
}

const FOLD_AFTER_LINES = 12;

function JsonValue({ value }: { value: unknown }) {
  const t = useT(M);
  const json = JSON.stringify(value, null, 2) ?? String(value);
  const lines = json.split('\n').length;
  const pre = <pre className="json">{json}</pre>;
  if (lines <= FOLD_AFTER_LINES) return pre;
  return (
    <details>
      <summary className="json-summary">{describe(value, t)} · {t('lines', { n: lines })}</summary>
      {pre}
    </details>
  );
}

function describe(value: unknown, t: Translate<'list' | 'object'>): string {
  if (Array.isArray(value)) return t('list', { n: value.length });
  if (isRecord(value)) return t('object', { n: Object.keys(value).length });
  return typeof value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
