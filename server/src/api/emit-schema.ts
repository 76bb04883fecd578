/** Writes schema/schema.graphql from the code-first schema. `--check` fails when the file is stale. */
import { readFile, writeFile } from 'node:fs/promises';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { loomSchema } from './graphql/schema.js';

const target = new URL('../../../schema/schema.graphql', import.meta.url);

export async function renderSdl(): Promise<string> {
  const header = '# Generated from the server code by `npm run schema:emit`. Do not edit by hand.\n\n';
  return header + printSchema(lexicographicSortSchema(await loomSchema())) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sdl = await renderSdl();
  if (process.argv.includes('--check')) {
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current !== sdl) {
      console.error('schema/schema.graphql is out of date: run `npm run schema:emit` and commit it.');
      process.exit(1);
    }
  } else {
    await writeFile(target, sdl);
    console.log('wrote schema/schema.graphql');
  }
}
