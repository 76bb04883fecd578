/**
 * `<input type="datetime-local">` values ↔ ISO instants (pure). The input shows local wall-clock time
 * without a zone; the URL and the API carry UTC instants.
 */
export function toLocalInput(iso: string | null, offsetMinutes = new Date(iso ?? 0).getTimezoneOffset()): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t - offsetMinutes * 60_000).toISOString().slice(0, 16);
}

export function fromLocalInput(value: string, offsetMinutes?: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  if (offsetMinutes === undefined) {
    const local = new Date(value); // parsed as local time by the browser
    return Number.isNaN(local.getTime()) ? null : local.toISOString();
  }
  const utc = Date.parse(`${value.slice(0, 16)}:00Z`);
  return Number.isNaN(utc) ? null : new Date(utc + offsetMinutes * 60_000).toISOString();
}
