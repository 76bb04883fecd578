/**
 * A stand-in for the Kubernetes API server (none can run here): the part of the batch/v1 Job and
 * core/v1 pod/secret/service API the launcher uses — create, get, list, watch (JSON lines), delete, pod
 * logs — with bearer auth. Every object it receives is validated with kubernetes-models (invalid →
 * 422). The test drives the cluster's side (Job controller, kubelet) with the scenario methods.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { KubeConfig } from '@kubernetes/client-node';
import { validateObject } from './validate.js';

type Obj = { apiVersion?: string; kind?: string; metadata: Record<string, any>; spec?: any; status?: any; [k: string]: any };
type Resource = 'jobs' | 'pods' | 'secrets' | 'services';
interface Event { rv: number; resource: Resource; namespace: string; type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: Obj }
interface Watcher { resource: Resource; namespace: string; match: (o: Obj) => boolean; res: ServerResponse }

const clone = <T>(o: T): T => JSON.parse(JSON.stringify(o));

export class FakeKubeApi {
  readonly namespaces = new Set<string>();
  /** Every object POSTed, as received (after validation). */
  readonly received: Obj[] = [];
  /** Requests the API refused as invalid. */
  readonly invalid: string[] = [];
  readonly requests: string[] = [];
  private readonly store: Record<Resource, Map<string, Obj>> = { jobs: new Map(), pods: new Map(), secrets: new Map(), services: new Map() };
  private readonly events: Event[] = [];
  private readonly watchers = new Set<Watcher>();
  private readonly logs = new Map<string, string>();
  private rv = 100;
  private failures: { left: number; code: number } = { left: 0, code: 500 };
  private server!: Server;
  url = '';
  readonly token = `token-${randomUUID()}`;

  static async start(): Promise<FakeKubeApi> {
    const api = new FakeKubeApi();
    api.server = createServer((req, res) => { api.handle(req, res).catch((err) => api.send(res, 500, status(500, String(err)))); });
    await new Promise<void>((r) => api.server.listen(0, '127.0.0.1', r));
    api.url = `http://127.0.0.1:${(api.server.address() as { port: number }).port}`;
    return api;
  }

  kubeConfig(token = this.token): KubeConfig {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'fake', server: this.url, skipTLSVerify: true }],
      users: [{ name: 'loom-worker', token }],
      contexts: [{ name: 'fake', cluster: 'fake', user: 'loom-worker' }],
      currentContext: 'fake',
    });
    return kc;
  }

  async stop(): Promise<void> {
    for (const w of this.watchers) w.res.end();
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  // ---- the cluster's side, driven by tests -------------------------------------------------

  job(namespace: string, name: string): Obj | undefined { return this.store.jobs.get(`${namespace}/${name}`); }
  secret(namespace: string, name: string): Obj | undefined { return this.store.secrets.get(`${namespace}/${name}`); }
  service(namespace: string, name: string): Obj | undefined { return this.store.services.get(`${namespace}/${name}`); }
  podsOf(namespace: string, job: string): Obj[] {
    return [...this.store.pods.values()].filter((p) => p.metadata.namespace === namespace && p.metadata.labels?.['job-name'] === job)
      .sort((a, b) => a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name));
  }

  /**
   * The Job controller starts a pod (Pending) for the Job; returns its name. An Indexed Job's pod
   * (`index`) gets its completion index as annotation and label, and the hostname `<job>-<index>`.
   */
  createPod(namespace: string, job: string, index?: number): string {
    const j = this.job(namespace, job)!;
    const n = this.podsOf(namespace, job).length;
    const name = `${job}-${index ?? ''}${n}${randomUUID().slice(0, 4)}`;
    const ts = new Date(Date.now() + n).toISOString();
    const indexed = index === undefined ? {} : { 'batch.kubernetes.io/job-completion-index': String(index) };
    this.put('pods', namespace, {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name, namespace, uid: randomUUID(), creationTimestamp: ts, labels: { ...j.spec.template.metadata.labels, 'job-name': job, 'batch.kubernetes.io/job-name': job, ...indexed }, annotations: indexed },
      spec: { ...clone(j.spec.template.spec), ...(index === undefined ? {} : { hostname: `${job}-${index}` }) }, status: { phase: 'Pending', conditions: [] },
    }, 'ADDED');
    return name;
  }

  setContainer(namespace: string, pod: string, state: Record<string, unknown>, phase?: string): void {
    const p = clone(this.store.pods.get(`${namespace}/${pod}`)!);
    p.status.containerStatuses = [{ name: p.spec.containers[0].name, image: p.spec.containers[0].image, ready: 'running' in state, restartCount: 0, state }];
    if (phase) p.status.phase = phase;
    this.put('pods', namespace, p, 'MODIFIED');
  }

  setPodCondition(namespace: string, pod: string, cond: Record<string, unknown>): void {
    const p = clone(this.store.pods.get(`${namespace}/${pod}`)!);
    p.status.conditions = [...(p.status.conditions ?? []), { lastTransitionTime: new Date().toISOString(), ...cond }];
    this.put('pods', namespace, p, 'MODIFIED');
  }

  setJobCondition(namespace: string, job: string, type: 'Complete' | 'Failed', reason?: string, message?: string): void {
    const j = clone(this.job(namespace, job)!);
    const now = new Date().toISOString();
    j.status = { ...j.status, conditions: [...(j.status?.conditions ?? []), { type, status: 'True', reason, message, lastProbeTime: now, lastTransitionTime: now }], ...(type === 'Complete' ? { completionTime: now, succeeded: 1 } : { failed: (j.status?.failed ?? 0) + 1 }) };
    this.put('jobs', namespace, j, 'MODIFIED');
  }

  /** Kueue's side: admit a suspended Job (suspend: false), or preempt an admitted one (suspend: true; the Job controller then deletes its pods). */
  setSuspended(namespace: string, job: string, suspend: boolean): void {
    const j = clone(this.job(namespace, job)!);
    j.spec = { ...j.spec, suspend };
    this.put('jobs', namespace, j, 'MODIFIED');
    if (suspend) for (const pod of this.podsOf(namespace, job)) this.put('pods', namespace, pod, 'DELETED');
  }

  /** The next `count` requests fail with `code` (an API server restarting, overloaded...). */
  failNext(count: number, code = 500): void {
    this.failures = { left: count, code };
  }

  appendLog(namespace: string, pod: string, text: string): void {
    this.logs.set(`${namespace}/${pod}`, (this.logs.get(`${namespace}/${pod}`) ?? '') + text);
  }

  /** Scenario steps. */
  run(ns: string, job: string, index?: number): string {
    const pod = this.createPod(ns, job, index);
    this.setContainer(ns, pod, { running: { startedAt: new Date().toISOString() } }, 'Running');
    return pod;
  }
  exit(ns: string, pod: string, exitCode: number, reason = exitCode === 0 ? 'Completed' : 'Error'): void {
    this.setContainer(ns, pod, { terminated: { exitCode, reason, finishedAt: new Date().toISOString() } }, exitCode === 0 ? 'Succeeded' : 'Failed');
  }

  // ---- the API ------------------------------------------------------------------------------

  private send(res: ServerResponse, code: number, body: unknown): void {
    if (res.headersSent) return void res.end();
    res.writeHead(code, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  }

  private put(resource: Resource, namespace: string, obj: Obj, type: Event['type']): Obj {
    obj.metadata.resourceVersion = String(++this.rv);
    const key = `${namespace}/${obj.metadata.name}`;
    if (type === 'DELETED') this.store[resource].delete(key);
    else this.store[resource].set(key, obj);
    const ev: Event = { rv: this.rv, resource, namespace, type, object: clone(obj) };
    this.events.push(ev);
    for (const w of this.watchers) if (w.resource === resource && w.namespace === namespace && w.match(ev.object)) w.res.write(`${JSON.stringify({ type, object: ev.object })}\n`);
    return obj;
  }

  private async body(req: IncomingMessage): Promise<Obj> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url!, this.url);
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.headers.authorization !== `Bearer ${this.token}`) return this.send(res, 401, status(401, 'Unauthorized'));
    if (this.failures.left > 0) {
      this.failures.left--;
      return this.send(res, this.failures.code, status(this.failures.code, 'the server is currently unable to handle the request', 'ServiceUnavailable'));
    }
    const m = /^\/(?:api\/v1|apis\/batch\/v1)\/namespaces\/([^/]+)\/(jobs|pods|secrets|services)(?:\/([^/]+))?(\/log)?$/.exec(url.pathname);
    if (!m) return this.send(res, 404, status(404, `no route ${url.pathname}`));
    const [, namespace, resource, name, log] = m as unknown as [string, string, Resource, string | undefined, string | undefined];
    if (!this.namespaces.has(namespace)) return this.send(res, 404, status(404, `namespaces "${namespace}" not found`));
    const key = `${namespace}/${name}`;
    if (req.method === 'POST' && !name) {
      const obj = await this.body(req);
      const problems = await validateObject(obj);
      if (obj.metadata?.namespace && obj.metadata.namespace !== namespace) problems.push('metadata.namespace does not match the request');
      if (problems.length) { this.invalid.push(...problems); return this.send(res, 422, status(422, problems.join('; '))); }
      if (this.store[resource].has(`${namespace}/${obj.metadata.name}`)) return this.send(res, 409, status(409, `${resource} "${obj.metadata.name}" already exists`, 'AlreadyExists'));
      this.received.push(clone(obj));
      obj.metadata = { ...obj.metadata, namespace, uid: randomUUID(), creationTimestamp: new Date().toISOString() };
      if (resource === 'jobs') obj.status = {};
      return this.send(res, 201, this.put(resource, namespace, obj, 'ADDED'));
    }
    if (req.method === 'GET' && name && log) {
      if (!this.store.pods.has(key)) return this.send(res, 404, status(404, `pods "${name}" not found`));
      const tail = Number(url.searchParams.get('tailLines') ?? 0);
      const lines = (this.logs.get(key) ?? '').split('\n');
      if (lines.at(-1) === '') lines.pop();
      return this.send(res, 200, (tail ? lines.slice(-tail) : lines).join('\n'));
    }
    if (req.method === 'GET' && name) {
      const obj = this.store[resource].get(key);
      return obj ? this.send(res, 200, obj) : this.send(res, 404, status(404, `${resource} "${name}" not found`, 'NotFound'));
    }
    if (req.method === 'DELETE' && name) {
      const obj = this.store[resource].get(key);
      if (!obj) return this.send(res, 404, status(404, `${resource} "${name}" not found`, 'NotFound'));
      this.put(resource, namespace, clone(obj), 'DELETED');
      if (resource === 'jobs') {
        for (const p of this.podsOf(namespace, name)) this.put('pods', namespace, clone(p), 'DELETED');
        // The garbage collector: what the Job owns goes with it.
        for (const owned of ['secrets', 'services'] as const) {
          for (const s of [...this.store[owned].values()]) if (s.metadata.namespace === namespace && s.metadata.ownerReferences?.some((o: any) => o.uid === obj.metadata.uid)) this.put(owned, namespace, clone(s), 'DELETED');
        }
      }
      return this.send(res, 200, status(200, 'Success'));
    }
    if (req.method === 'GET' && !name) {
      const match = selector(url.searchParams);
      if (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1') {
        res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
        const since = Number(url.searchParams.get('resourceVersion') ?? this.rv);
        for (const ev of this.events) if (ev.rv > since && ev.resource === resource && ev.namespace === namespace && match(ev.object)) res.write(`${JSON.stringify({ type: ev.type, object: ev.object })}\n`);
        const w: Watcher = { resource, namespace, match, res };
        this.watchers.add(w);
        const timeout = Number(url.searchParams.get('timeoutSeconds') ?? 0);
        const timer = timeout ? setTimeout(() => res.end(), timeout * 1000) : undefined;
        res.on('close', () => { this.watchers.delete(w); clearTimeout(timer); });
        return;
      }
      const items = [...this.store[resource].values()].filter((o) => o.metadata.namespace === namespace && match(o));
      return this.send(res, 200, { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: String(this.rv) }, items });
    }
    return this.send(res, 405, status(405, 'method not allowed'));
  }
}

function status(code: number, message: string, reason?: string) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: code < 400 ? 'Success' : 'Failure', message, reason, code };
}

/** `labelSelector=a=b,c=d` and `fieldSelector=metadata.name=x` (equality only). */
function selector(q: URLSearchParams): (o: Obj) => boolean {
  const labels = (q.get('labelSelector') ?? '').split(',').filter(Boolean).map((p) => p.split('='));
  const fields = (q.get('fieldSelector') ?? '').split(',').filter(Boolean).map((p) => p.split('='));
  return (o) => labels.every(([k, v]) => o.metadata.labels?.[k] === v) && fields.every(([k, v]) => (k === 'metadata.name' ? o.metadata.name === v : k === 'metadata.namespace' ? o.metadata.namespace === v : false));
}
