/** A node's props as a key/value list; nested values are shown as indented JSON, long ones folded. */
export function PropsList({ props }: { props: unknown }) {
  if (!isRecord(props)) return <JsonValue value={props} />;
  const entries = Object.entries(props).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="muted">No properties.</p>;
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
  const json = JSON.stringify(value, null, 2) ?? String(value);
  const lines = json.split('\n').length;
  const pre = <pre className="json">{json}</pre>;
  if (lines <= FOLD_AFTER_LINES) return pre;
  return (
    <details>
      <summary className="json-summary">{describe(value)} · {lines} lines</summary>
      {pre}
    </details>
  );
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `list of ${value.length}`;
  if (isRecord(value)) return `object with ${Object.keys(value).length} keys`;
  return typeof value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
