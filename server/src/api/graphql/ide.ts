import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const GRAPHIQL = fileURLToPath(new URL('../../../../web/dist/graphiql.html', import.meta.url));

/** The GraphQL IDE (GraphiQL, bundled with the web app so it works offline) served on GET /graphql. */
export function graphiqlPage(): string {
  if (existsSync(GRAPHIQL)) return readFileSync(GRAPHIQL, 'utf8');
  return '<!doctype html><meta charset="utf-8"><title>Loom GraphQL</title><p>The GraphQL IDE is part of the web build: run <code>npm run build:web</code>. POST GraphQL requests to this URL with <code>Authorization: Bearer &lt;key&gt;</code>.</p>';
}
