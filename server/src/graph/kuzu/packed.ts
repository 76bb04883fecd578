/**
 * Rows of strings for an UNWIND statement, handed to Kuzu as one text parameter that the statement
 * splits back into rows and fields. Kuzu 0.11's Node binding converts a list parameter value by
 * value, and that conversion was most of what a bulk write cost (bench/RESULTS.md, session 20):
 * - 700 Trace nodes a CREATE: 35-47 µs a node as a list of lists, 22-28 packed;
 * - 5,000-row MERGE of nodes from a list of structs: 44-63 µs a row, packed 18-21;
 * - 5,000-row MERGE of edges: 44-53 µs an edge, packed 23.
 *
 * Rows are separated by RS (U+001E), fields by US (U+001F). Kuzu's `string_split` drops empty parts
 * (all but the last), so every field is sent behind one '~' that the statement strips: no field is
 * ever empty on the wire. A batch with a value that holds RS or US cannot be packed; it goes as a list
 * parameter to the same statement body (`listed`), so both forms bind the same names.
 *
 * The statement projects every field to a name (`WITH ... AS key`) before its body: a MERGE on a
 * list element straight from the split is planned without the hash join (1.9 ms an edge at 40k nodes).
 */
import type { EngineConnection, Params, Row } from './engine.js';

const RS = '\u001e';
const US = '\u001f';
const MARK = '~';

/** `columns`: the names the body reads, one field of each row apiece, in order. */
export interface RowsStatement<C extends string = string> { columns: readonly C[]; packed: string; listed: string }

/** A statement over rows whose fields bind to `columns`, in order, before `body` runs once per row. */
export function rowsStatement<C extends string>(columns: readonly C[], body: string): RowsStatement<C> {
  const packed = columns.map((c, i) => `substring(r[${i + 1}], 2, 2147483647) AS ${c}`).join(', ');
  const listed = columns.map((c, i) => `r[${i + 1}] AS ${c}`).join(', ');
  return {
    columns,
    packed: `UNWIND string_split($packed, '${RS}') AS line WITH string_split(line, '${US}') AS r WITH ${packed} ${body}`,
    listed: `UNWIND $rows AS r WITH ${listed} ${body}`,
  };
}

/** Objects with a field named as each of the statement's columns: their rows, fields in its column order. */
export function fieldsOf<C extends string>(stmt: RowsStatement<C>, rows: readonly Readonly<Record<C, string>>[]): string[][] {
  return rows.map((r) => stmt.columns.map((c) => r[c]));
}

/** The packed text of `rows`, or null when a value holds a separator. */
export function packRows(rows: readonly (readonly string[])[]): string | null {
  const lines: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    let line = '';
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v.includes(RS) || v.includes(US)) return null;
      line += j === 0 ? MARK + v : US + MARK + v;
    }
    lines[i] = line;
  }
  return lines.join(RS);
}

/** Runs `stmt` over `rows` (not empty: an empty list parameter throws), packed when they can be. */
export function runRows(conn: EngineConnection, stmt: RowsStatement, rows: readonly (readonly string[])[], params: Params = {}): Promise<Row[]> {
  const packed = packRows(rows);
  return packed === null ? conn.run(stmt.listed, { ...params, rows }) : conn.run(stmt.packed, { ...params, packed });
}
