/** A node's props as a key/value list; nested values are shown as indented JSON. */
export function PropsList({ props }: { props: unknown }) {
  if (!isRecord(props)) return <pre className="json">{JSON.stringify(props, null, 2)}</pre>;
  const entries = Object.entries(props).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="muted">No properties.</p>;
  return (
    <dl className="props">
      {entries.map(([key, value]) => (
        <div key={key} className="prop">
          <dt>{key}</dt>
          <dd>{isScalar(value) ? String(value) : <pre className="json">{JSON.stringify(value, null, 2)}</pre>}</dd>
        </div>
      ))}
    </dl>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
