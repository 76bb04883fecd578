import { readFile, readdir } from 'node:fs/promises';
import type { EngineConnection } from './engine.js';
import * as Q from './queries.js';

const DDL_DIR = new URL('../../../../schema/graph/kuzu/', import.meta.url);

/**
 * Run the numbered schema files (schema/graph/kuzu/*.cypher) in order, each until it has run once
 * to the end, recorded in the SchemaMigration table: a file's data statements (filling a new column
 * over every edge) read the whole store, 5 s of a 1M-node store's start in schema 004 alone. A file
 * that stopped halfway is not recorded and runs again whole (its statements are safe to repeat).
 * The store runs it when it opens; the benches on the bare engine, so a Loom started later on their
 * database finds the files recorded.
 */
export async function applySchema(conn: EngineConnection): Promise<void> {
  await conn.run(Q.CREATE_MIGRATIONS);
  const applied = new Set((await conn.run(Q.APPLIED_MIGRATIONS)).map((r) => String(r.name)));
  const files = (await readdir(DDL_DIR)).filter((f) => f.endsWith('.cypher') && !applied.has(f)).sort();
  for (const f of files) {
    const text = await readFile(new URL(f, DDL_DIR), 'utf8');
    for (const stmt of text.split(/;\s*$/m).map((s) => s.trim()).filter(Boolean)) await conn.run(stmt);
    await conn.run(Q.RECORD_MIGRATION, { name: f });
  }
}
