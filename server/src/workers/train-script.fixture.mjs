// A training command for the tests: logs params and a loss curve to Loom through its GraphQL API
// with the key the launcher passed (LOOM_URL, LOOM_API_KEY, LOOM_RUN_ID), waits for a release
// file if RELEASE is set, exits with EXIT_CODE (default 0). MARKER: a file it appends a line to per start.
// It prints its key, as a command printing its environment would.
import { appendFileSync, existsSync } from 'node:fs';

const { LOOM_URL, LOOM_API_KEY, LOOM_RUN_ID, MARKER, RELEASE, EXIT_CODE } = process.env;
if (MARKER) appendFileSync(MARKER, `start ${LOOM_RUN_ID}\n`);
console.log(`training run ${LOOM_RUN_ID}`);
console.log(`LOOM_API_KEY=${LOOM_API_KEY}`); // as a command printing its environment does: Loom hides it from the logs it serves
if (process.env.LOOM_WORKERS) console.log(`worker ${process.env.RANK} of ${process.env.WORLD_SIZE}, rendezvous ${process.env.MASTER_ADDR}:${process.env.MASTER_PORT}`);
const gql = async (query, variables) => {
  const res = await fetch(`${LOOM_URL}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${LOOM_API_KEY}` }, body: JSON.stringify({ query, variables }) });
  return res.json();
};
const metrics = Array.from({ length: 5 }, (_, step) => ({ key: 'loss', value: 1 / (step + 1), step }));
const logged = await gql('mutation ($runId: String!, $metrics: [MetricInput!], $params: [KeyValueInput!]) { logBatch(runId: $runId, metrics: $metrics, params: $params) { metrics params } }',
  { runId: LOOM_RUN_ID, metrics, params: [{ key: 'epochs', value: '5' }] });
if (logged.errors) {
  console.error(`logging failed: ${JSON.stringify(logged.errors)}`);
  process.exit(2);
}
console.log(`logged ${JSON.stringify(logged.data.logBatch)}`);
while (RELEASE && !existsSync(RELEASE)) await new Promise((r) => setTimeout(r, 50));
if (EXIT_CODE && EXIT_CODE !== '0') {
  console.error(`failing with exit code ${EXIT_CODE}`);
  process.exit(Number(EXIT_CODE));
}
console.log('training done');
