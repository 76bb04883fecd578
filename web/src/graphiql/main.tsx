/**
 * The GraphQL IDE at GET /graphql: GraphiQL bundled with the web app (works offline), sending the
 * API key the web app stored (or one given as `#key=`) as a Bearer token.
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { KEY_STORAGE_NAME, takeKeyFromHash } from '../auth/apiKey';

const { key: fromHash } = takeKeyFromHash(window.location.hash);
if (fromHash) {
  localStorage.setItem(KEY_STORAGE_NAME, fromHash);
  history.replaceState(null, '', window.location.pathname);
}
const key = localStorage.getItem(KEY_STORAGE_NAME) ?? '';

const fetcher = async (params: unknown) => {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(params),
  });
  return res.json();
};

const defaultQuery = `# Loom GraphQL. Your API key is sent as a Bearer token${key ? '' : ' (none found: open the web app first, or add #key=<key> to this URL)'}.
query Explore($text: String!) {
  viewer { tenant role }
  search(text: $text, first: 5) { id kind name namespace }
}
`;

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} initialVariables={'{ "text": "churn" }'} />,
);
