/**
 * The notebook client (loom_notebook.py) run by a real Python against a real Loom: what a notebook cell
 * reports (an OpenLineage run with its datasets, a tracked run with params and metrics; FAIL with the
 * exception when the cell raises) is in the graph and the experiment; Loom's refusals reach the notebook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startTestLoom, type TestLoom } from '../../server/src/testing/harness.js';

const run = promisify(execFile);
const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Runs `code` with python3, the client on its path, Loom's URL and `key` in the environment; its stdout and stderr. */
async function python(loom: TestLoom, code: string, key = loom.key): Promise<{ stdout: string; stderr: string }> {
  return run('python3', ['-c', code], { env: { ...process.env, PYTHONPATH: HERE, LOOM_URL: loom.url, LOOM_API_KEY: key }, timeout: 60_000 });
}

const CELL = `
from loom_notebook import Loom, Dataset
loom = Loom()
customers = Dataset("postgres://crm-db:5432", "crm.public.customers")
sample = Dataset("s3://ml-scratch", "churn/eda_sample.parquet", schema=[("customer_id", "bigint"), ("mrr", "double")])
with loom.run("churn_eda", inputs=[customers], outputs=[sample], experiment="churn-eda", source="df = read(customers).sample(0.1)", run_id=RUN) as run:
    run.log_param("sample_fraction", 0.1)
    for step, auc in enumerate([0.71, 0.78, 0.81]):
        run.log_metric("auc", auc, step=step)
print("done", run.run_id)
`;

describe('notebooks report lineage and metrics (loom_notebook.py)', () => {
  let loom: TestLoom;
  beforeAll(async () => { loom = await startTestLoom(); });
  afterAll(async () => { await loom?.close(); });

  it('a cell\'s run: its job, datasets and schema in the graph; its params and metrics in the experiment', async () => {
    const runId = '0192f0a4-1c2d-7e3f-8a4b-5c6d7e8f9a01';
    const out = await python(loom, `RUN = "${runId}"\n${CELL}`);
    expect(out.stdout.trim()).toBe(`done ${runId}`);
    const { data } = await loom.gql(`query ($id: String!) { trackedRun(runId: $id) { status experiment params { key value } latestMetrics { key value step count } } }`, { id: runId });
    expect(data.trackedRun).toEqual({
      status: 'COMPLETED', experiment: 'churn-eda', params: [{ key: 'sample_fraction', value: '0.1' }],
      latestMetrics: [{ key: 'auc', value: 0.81, step: 2, count: 3 }],
    });
    const lineage = await loom.gql(`{ lineage(nodeId: "job:notebooks:churn_eda", direction: BOTH, depth: 1) { nodes { node { id } } } }`);
    expect(lineage.data.lineage.nodes.map((n: any) => n.node.id).sort()).toEqual([
      'dataset:postgres://crm-db:5432:crm.public.customers', 'dataset:s3://ml-scratch:churn/eda_sample.parquet',
    ]);
    const job = await fetch(`${loom.url}/api/v1/namespaces/notebooks/jobs/churn_eda`, { headers: { authorization: `Bearer ${loom.key}` } });
    const view = await job.json();
    expect(view.facets.jobType).toMatchObject({ integration: 'NOTEBOOK', jobType: 'NOTEBOOK', processingType: 'BATCH' });
    expect(view.facets.sourceCode).toMatchObject({ language: 'python', sourceCode: 'df = read(customers).sample(0.1)' });
    expect(view.latestRun).toMatchObject({ id: runId, state: 'COMPLETED' });
    const fields = await loom.gql(`{ node(id: "dataset:s3://ml-scratch:churn/eda_sample.parquet") { ... on GraphNode { neighbours(direction: DOWNSTREAM, edgeKinds: ["HAS_FIELD"]) { items { node { name } } } } } }`);
    expect(fields.data.node.neighbours.items.map((i: any) => i.node.name).sort()).toEqual(['churn/eda_sample.parquet#customer_id', 'churn/eda_sample.parquet#mrr']);
  });

  it('a cell that raises: the run FAILS with the exception, which the notebook still sees', async () => {
    const runId = '0192f0a4-1c2d-7e3f-8a4b-5c6d7e8f9a02';
    const out = await python(loom, `
from loom_notebook import Loom
loom = Loom()
try:
    with loom.run("churn_eda", run_id="${runId}") as run:
        raise ValueError("no rows in the sample")
except ValueError as err:
    print("raised", err)
`);
    expect(out.stdout.trim()).toBe('raised no rows in the sample');
    const res = await fetch(`${loom.url}/api/v1/jobs/runs/${runId}`, { headers: { authorization: `Bearer ${loom.key}` } });
    const r = await res.json();
    expect(r.state).toBe('FAILED');
    expect(r.facets.errorMessage).toMatchObject({ message: 'ValueError: no rows in the sample', programmingLanguage: 'python' });
    expect(r.facets.errorMessage.stackTrace).toMatch(/^Traceback \(most recent call last\):\n {2}File "<string>", line 6, in <module>\nValueError: no rows in the sample/);
  });

  it('tells the notebook what Loom refused, and what to do when there is no key or no Loom', async () => {
    const viewer = await loom.services.tenancy.createApiKey('demo', 'viewer');
    const refused = await python(loom, `
from loom_notebook import Loom, LoomError
try:
    with Loom().run("churn_eda"):
        pass
except LoomError as err:
    print(err.status, err)
`, viewer);
    expect(refused.stdout).toMatch(/^403 \/api\/v1\/lineage: .*may not write/);
    const noKey = await python(loom, `
import os
os.environ.pop("LOOM_API_KEY")
from loom_notebook import Loom, LoomError
try:
    Loom()
except LoomError as err:
    print(err)
`);
    expect(noKey.stdout).toMatch(/no API key: pass api_key= or set LOOM_API_KEY/);
    const noLoom = await python(loom, `
from loom_notebook import Loom, LoomError
try:
    Loom("http://127.0.0.1:9").emit({})
except LoomError as err:
    print(err)
`);
    expect(noLoom.stdout).toMatch(/cannot reach Loom at http:\/\/127\.0\.0\.1:9 .*is it running\?/);
  });

  it('the %%loom cell magic (IPython, Jupyter) runs a cell as a run of a notebook job, in the notebook\'s namespace', async () => {
    // IPython is not installed here: a stand-in of the one part of its shell the extension uses.
    const out = await python(loom, `
from loom_notebook import load_ipython_extension
class Shell:
    def __init__(self):
        self.user_ns, self.magics = {}, {}
    def register_magic_function(self, func, magic_kind, magic_name):
        self.magics[(magic_kind, magic_name)] = func
shell = Shell()
load_ipython_extension(shell)
magic = shell.magics[("cell", "loom")]
shell.user_ns["rows"] = [1, 2, 3]
magic("churn_magic --input postgres://crm-db:5432 crm.public.customers --output s3://ml-scratch churn/magic.parquet --experiment churn-eda",
      "n = len(rows)\\nloom_run.log_metric('rows', n)\\n")
print("ran", shell.user_ns["n"], shell.user_ns["loom_run"].run_id)
try:
    magic("churn_magic_fails", "raise KeyError('mrr')")
except KeyError as err:
    print("raised", err, shell.user_ns["loom_run"].run_id)
magic("--no-such-flag", "x = 1")
print("usage only", "x" in shell.user_ns)
`);
    const [ran, raised, usage] = out.stdout.trim().split('\n');
    const [, n, okRun] = ran.split(' ');
    expect(n).toBe('3');
    expect(usage).toBe('usage only False');
    expect(out.stderr).toMatch(/usage: %%loom [\s\S]*%%loom: error: the following arguments are required: job/);
    const auth = { headers: { authorization: `Bearer ${loom.key}` } };
    const done = await (await fetch(`${loom.url}/api/v1/jobs/runs/${okRun}`, auth)).json();
    expect(done.state).toBe('COMPLETED');
    const job = await (await fetch(`${loom.url}/api/v1/namespaces/notebooks/jobs/churn_magic`, auth)).json();
    expect(job.facets.sourceCode.sourceCode).toBe("n = len(rows)\nloom_run.log_metric('rows', n)\n");
    expect(job.inputs).toEqual([{ namespace: 'postgres://crm-db:5432', name: 'crm.public.customers' }]);
    expect(job.outputs).toEqual([{ namespace: 's3://ml-scratch', name: 'churn/magic.parquet' }]);
    const tracked = await loom.gql('query ($id: String!) { trackedRun(runId: $id) { experiment latestMetrics { key value } } }', { id: okRun });
    expect(tracked.data.trackedRun).toEqual({ experiment: 'churn-eda', latestMetrics: [{ key: 'rows', value: 3 }] });
    const failedRun = raised.split(' ').at(-1)!;
    expect(raised).toBe(`raised 'mrr' ${failedRun}`);
    const failed = await (await fetch(`${loom.url}/api/v1/jobs/runs/${failedRun}`, auth)).json();
    expect(failed.state).toBe('FAILED');
    expect(failed.facets.errorMessage.message).toBe("KeyError: 'mrr'");
  });
});
