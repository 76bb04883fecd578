/**
 * Loom's own Kubernetes deployment (k8s/): every overlay rendered with `kubectl kustomize`, every
 * object validated with kubernetes-models, and the wiring checked: roles, probes, resources,
 * references to ConfigMaps/Secrets/Services, RBAC scoped to tenant namespaces, the tenant
 * namespace Loom computes, the configuration each role would start with, the collector's pipelines.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { validateObject } from './validate.js';
import { tenantNamespace } from './names.js';
import { loadConfig } from '../../config/config.js';

const K8S = fileURLToPath(new URL('../../../../k8s/', import.meta.url));
const hasKubectl = (() => { try { execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' }); return true; } catch { return false; } })();

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; [k: string]: any };
const render = (dir: string): Obj[] => parseAllDocuments(execFileSync('kubectl', ['kustomize', `${K8S}${dir}`], { encoding: 'utf8' })).map((d) => d.toJS() as Obj).filter(Boolean);
const ROLES = { 'loom-api': 'api', 'loom-ingest': 'ingest', 'loom-worker': 'worker' } as const;
const workloads = (objs: Obj[]) => objs.filter((o) => ['Deployment', 'StatefulSet'].includes(o.kind));
const byKind = (objs: Obj[], kind: string) => objs.filter((o) => o.kind === kind);
const named = (objs: Obj[], kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name);
/** Generated names carry a hash suffix. */
const generated = (objs: Obj[], kind: string, base: string) => objs.find((o) => o.kind === kind && new RegExp(`^${base}-[a-z0-9]{10}$`).test(o.metadata.name));
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) => Object.entries(selector).every(([k, v]) => labels[k] === v);

describe.skipIf(!hasKubectl)('k8s/ renders and validates', () => {
  const overlays = ['base', 'overlays/dev', 'overlays/prod', 'tenants/demo'];

  it.each(overlays)('%s: every object is valid for the Kubernetes API (kubernetes-models)', async (dir) => {
    const objs = render(dir);
    expect(objs.length).toBeGreaterThan(3);
    const problems = (await Promise.all(objs.map(validateObject))).flat();
    expect(problems).toEqual([]);
    const keys = objs.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(['overlays/dev', 'overlays/prod'])('%s: api, ingest and worker are roles of one image, with probes, resources and disruption budgets', (dir) => {
    const objs = render(dir);
    const images = new Set<string>();
    for (const [name, role] of Object.entries(ROLES)) {
      const d = named(objs, 'Deployment', name)!;
      expect(d, name).toBeDefined();
      const c = d.spec.template.spec.containers[0];
      images.add(c.image);
      expect(c.env).toContainEqual({ name: 'LOOM_ROLE', value: role });
      expect(c.livenessProbe.httpGet.path).toBe('/healthz');
      expect(c.readinessProbe.httpGet.path).toBe('/readyz');
      const pdb = byKind(objs, 'PodDisruptionBudget').find((p) => matches(p.spec.selector.matchLabels, d.spec.template.metadata.labels));
      expect(pdb, `PDB of ${name}`).toBeDefined();
    }
    expect(images.size).toBe(1);
    expect(named(objs, 'Deployment', 'loom-web')!.spec.template.spec.initContainers[0].image).toBe([...images][0]);
    for (const w of workloads(objs)) {
      for (const c of [...(w.spec.template.spec.initContainers ?? []), ...w.spec.template.spec.containers]) {
        expect(c.resources?.requests, `${w.metadata.name}/${c.name} requests`).toBeDefined();
        expect(c.resources?.limits?.memory, `${w.metadata.name}/${c.name} memory limit`).toBeDefined();
      }
    }
    const hpa = named(objs, 'HorizontalPodAutoscaler', 'loom-ingest')!;
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'loom-ingest' });
    expect(named(objs, 'Deployment', 'loom-ingest')!.spec.replicas).toBeUndefined(); // the HPA owns it
  });

  it.each(['overlays/dev', 'overlays/prod'])('%s: every Service selects pods and ports that exist; every referenced ConfigMap and Secret is there (or created out of band)', (dir) => {
    const objs = render(dir);
    const outOfBand = dir.endsWith('prod') ? ['loom-secrets', 'otel-collector-keys', 'loom-tls'] : [];
    const has = (kind: string, name: string) => objs.some((o) => o.kind === kind && o.metadata.name === name) || outOfBand.includes(name);
    for (const s of byKind(objs, 'Service')) {
      if (s.spec.type === 'ExternalName') continue;
      const w = workloads(objs).find((x) => matches(s.spec.selector, x.spec.template.metadata.labels));
      expect(w, `workload behind Service ${s.metadata.name}`).toBeDefined();
      const ports = w!.spec.template.spec.containers.flatMap((c: any) => c.ports ?? []).map((p: any) => p.name);
      for (const p of s.spec.ports) expect(ports, `Service ${s.metadata.name} port ${p.targetPort}`).toContain(p.targetPort);
    }
    for (const w of workloads(objs)) {
      const spec = w.spec.template.spec;
      for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
        for (const e of c.envFrom ?? []) {
          if (e.configMapRef) expect(has('ConfigMap', e.configMapRef.name), e.configMapRef.name).toBe(true);
          if (e.secretRef) expect(has('Secret', e.secretRef.name), e.secretRef.name).toBe(true);
        }
      }
      for (const v of spec.volumes ?? []) if (v.configMap) expect(has('ConfigMap', v.configMap.name), v.configMap.name).toBe(true);
      if (spec.serviceAccountName) expect(has('ServiceAccount', spec.serviceAccountName)).toBe(true);
    }
    for (const i of byKind(objs, 'Ingress')) for (const r of i.spec.rules) for (const p of r.http.paths) expect(has('Service', p.backend.service.name)).toBe(true);
  });

  it('dev runs Neo4j, ClickHouse and Redis as StatefulSets; prod reaches them as external endpoints', () => {
    const dev = render('overlays/dev');
    const prod = render('overlays/prod');
    for (const name of ['neo4j', 'clickhouse', 'redis']) {
      expect(named(dev, 'StatefulSet', name)?.spec.volumeClaimTemplates, name).toHaveLength(1);
      expect(named(dev, 'Service', name)?.spec.clusterIP).toBe('None');
      expect(named(prod, 'StatefulSet', name)).toBeUndefined();
      expect(named(prod, 'Service', name)?.spec.type).toBe('ExternalName');
    }
  });

  it('RBAC: the worker manages Jobs only in tenant namespaces (RoleBindings there), nowhere cluster-wide', () => {
    const objs = render('overlays/dev');
    const launcher = named(objs, 'ClusterRole', 'loom-training-launcher')!;
    expect(launcher.rules).toContainEqual({ apiGroups: ['batch'], resources: ['jobs'], verbs: ['create', 'get', 'list', 'watch', 'delete'] });
    // A distributed run's headless Service.
    expect(launcher.rules).toContainEqual({ apiGroups: [''], resources: ['services'], verbs: ['create', 'get', 'delete'] });
    const isWorker = (s: any) => s.kind === 'ServiceAccount' && s.name === 'loom-worker' && s.namespace === 'loom';
    expect(byKind(objs, 'ClusterRoleBinding').filter((b) => b.subjects.some(isWorker))).toEqual([]);
    const bindings = byKind(objs, 'RoleBinding').filter((b) => b.subjects.some(isWorker));
    expect(bindings.map((b) => [b.metadata.namespace, b.roleRef.name])).toEqual([['loom-tenant-demo', 'loom-training-launcher']]);
    expect(bindings.every((b) => b.metadata.namespace?.startsWith('loom-tenant-'))).toBe(true);
  });

  it('the tenant component: the namespace Loom launches into, with ResourceQuota (GPUs), LimitRange and isolation', () => {
    const objs = render('tenants/demo');
    const env = Object.fromEntries(readFileSync(`${K8S}base/loom.env`, 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    const ns = tenantNamespace(env.LOOM_K8S_NAMESPACE_PREFIX, 'demo');
    expect(byKind(objs, 'Namespace').map((n) => n.metadata.name)).toEqual([ns]);
    expect(objs.filter((o) => o.kind !== 'Namespace').every((o) => o.metadata.namespace === ns)).toBe(true);
    expect(named(objs, 'ResourceQuota', 'training-quota')!.spec.hard).toMatchObject({ 'requests.nvidia.com/gpu': '4', 'requests.cpu': '32' });
    expect(named(objs, 'LimitRange', 'training-limits')!.spec.limits[0].defaultRequest).toEqual({ cpu: '500m', memory: '1Gi' });
    const np = named(objs, 'NetworkPolicy', 'tenant-isolation')!;
    expect(np.spec.ingress).toEqual([{ from: [{ podSelector: {} }] }]);
  });

  it('training priorities: each PriorityClass loom.env names exists, LOW < NORMAL < HIGH, LOW never preempts', () => {
    const objs = render('base');
    const env = Object.fromEntries(readFileSync(`${K8S}base/loom.env`, 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    const classes = loadConfig({ LOOM_K8S_PRIORITY_CLASSES: env.LOOM_K8S_PRIORITY_CLASSES }).training.kubernetes.priorityClasses;
    const value = (p: 'LOW' | 'NORMAL' | 'HIGH') => named(objs, 'PriorityClass', classes[p]!)?.value;
    expect([value('LOW'), value('NORMAL'), value('HIGH')].every((v) => typeof v === 'number')).toBe(true);
    expect(value('LOW')! < value('NORMAL')! && value('NORMAL')! < value('HIGH')!).toBe(true);
    expect(value('HIGH')!).toBeLessThan(1_000_000_000); // below the system classes
    expect(named(objs, 'PriorityClass', classes.LOW!)!.preemptionPolicy).toBe('Never');
    expect(byKind(objs, 'PriorityClass').every((o) => o.metadata.namespace === undefined)).toBe(true); // cluster-scoped
  });

  it('Kueue (opt-in): the tenant\'s LocalQueue feeds the cluster queue, which selects tenant namespaces and covers GPUs', async () => {
    // kubernetes-models has no Kueue schemas: the built-in objects are validated, Kueue's checked for what Loom relies on.
    const tenant = render('tenants/demo-kueue');
    const cluster = render('kueue');
    const builtIn = [...tenant, ...cluster].filter((o) => !o.apiVersion.startsWith('kueue.x-k8s.io/'));
    expect((await Promise.all(builtIn.map(validateObject))).flat()).toEqual([]);
    expect(builtIn.map((o) => o.kind).sort()).toEqual(render('tenants/demo').map((o) => o.kind).sort()); // the demo tenant, and a LocalQueue
    const local = named(tenant, 'LocalQueue', 'training')!;
    expect(local.apiVersion).toBe('kueue.x-k8s.io/v1beta1');
    expect(loadConfig({ LOOM_K8S_KUEUE_QUEUE: local.metadata.name }).training.kubernetes.kueueQueue).toBe('training');
    const ns = byKind(tenant, 'Namespace')[0];
    expect(local.metadata.namespace).toBe(ns.metadata.name);
    const cq = named(cluster, 'ClusterQueue', local.spec.clusterQueue)!;
    expect(cq, 'the cluster queue the LocalQueue names').toBeDefined();
    expect(matches(cq.spec.namespaceSelector.matchLabels, ns.metadata.labels)).toBe(true);
    for (const group of cq.spec.resourceGroups) {
      expect(group.coveredResources).toContain('nvidia.com/gpu');
      for (const flavor of group.flavors) {
        expect(named(cluster, 'ResourceFlavor', flavor.name), flavor.name).toBeDefined();
        expect(flavor.resources.map((r: { name: string }) => r.name)).toEqual(group.coveredResources);
      }
    }
  });

  it.each(['overlays/dev', 'overlays/prod'])('%s: each role starts with the configuration the manifests give it', (dir) => {
    const objs = render(dir);
    const cm = generated(objs, 'ConfigMap', 'loom-config')!.data as Record<string, string>;
    const secrets = { LOOM_NEO4J_PASSWORD: 'x', LOOM_CLICKHOUSE_PASSWORD: 'y' };
    for (const [name, role] of Object.entries(ROLES)) {
      const env = named(objs, 'Deployment', name)!.spec.template.spec.containers[0].env as { name: string; value: string }[];
      const cfg = loadConfig({ ...cm, ...secrets, ...Object.fromEntries(env.map((e) => [e.name, e.value])) });
      expect(cfg).toMatchObject({ role, graph: { engine: 'neo4j' }, analytics: { engine: 'clickhouse' }, queue: { engine: 'bullmq' }, training: { launcher: 'kubernetes', loomUrl: 'http://loom-api.loom.svc:4000' } });
    }
  });

  it('the OTel Collector scrapes the DCGM exporter and forwards to /v1/metrics with a Bearer key; every pipeline names defined parts and keys that exist', () => {
    const objs = render('overlays/dev');
    const base = parse(generated(objs, 'ConfigMap', 'otel-collector')!.data['collector.yaml']);
    const tenants = parse(generated(objs, 'ConfigMap', 'otel-collector-tenants')!.data['tenants.yaml']);
    const merged: any = {};
    for (const section of ['receivers', 'processors', 'exporters', 'extensions']) merged[section] = { ...base[section], ...tenants?.[section] };
    merged.pipelines = { ...base.service.pipelines, ...tenants?.service?.pipelines };
    expect(merged.receivers['prometheus/dcgm'].config.scrape_configs[0].job_name).toBe('dcgm-exporter');
    const keys = Object.keys(generated(objs, 'Secret', 'otel-collector-keys')!.data);
    for (const [pipeline, p] of Object.entries<any>(merged.pipelines)) {
      for (const part of ['receivers', 'processors', 'exporters']) for (const c of p[part]) expect(merged[part], `${pipeline} ${part} ${c}`).toHaveProperty([c]);
      for (const e of p.exporters) {
        const exp = merged.exporters[e];
        expect(exp.metrics_endpoint).toBe('http://loom-ingest.loom.svc:4000/v1/metrics');
        const env = /^Bearer \$\{env:([A-Z_]+)\}$/.exec(exp.headers.Authorization)?.[1];
        expect(keys, `${e} key`).toContain(env);
      }
    }
    expect(Object.keys(merged.pipelines)).toEqual(['metrics/platform', 'metrics/tenant-demo']);
    const collector = named(objs, 'Deployment', 'otel-collector')!.spec.template.spec.containers[0];
    expect(collector.args).toEqual(['--config=/conf/collector.yaml', '--config=/conf-tenants/tenants.yaml']);
  });

  it('the Dockerfile runs the CLI the manifests start', () => {
    const dockerfile = readFileSync(`${K8S}../Dockerfile`, 'utf8');
    expect(dockerfile).toMatch(/ENTRYPOINT \["node", "--max-semi-space-size=64", "--import", "tsx", "server\/src\/cli.ts"\]/);
    expect(existsSync(`${K8S}../server/src/cli.ts`)).toBe(true);
    const api = named(render('base'), 'Deployment', 'loom-api')!.spec.template.spec.containers[0];
    expect(api.args).toEqual(['start']);
    expect(readFileSync(`${K8S}../.dockerignore`, 'utf8')).toMatch(/^node_modules$/m);
  });

  it("the web front's nginx sends every API to Loom, the rest to the web app (Feast's API answered 405 from nginx)", () => {
    const conf = readFileSync(`${K8S}base/web-nginx.conf`, 'utf8');
    const proxied = [...conf.matchAll(/location ~ (\S+) \{[^}]*proxy_pass http:\/\/(loom-\w+):4000/g)].map((m) => ({ re: new RegExp(m[1]), to: m[2] }));
    const routeOf = (path: string) => proxied.find((p) => p.re.test(path))?.to ?? 'web app';
    expect(Object.fromEntries(['/api/v1/lineage', '/api/v1/lineage/batch', '/v1/traces', '/v1/metrics', '/graphql', '/api/v1/namespaces', '/get-online-features', '/push', '/health', '/lineage', '/health-of-x'].map((p) => [p, routeOf(p)]))).toEqual({
      '/api/v1/lineage': 'loom-ingest', '/api/v1/lineage/batch': 'loom-ingest', '/v1/traces': 'loom-ingest', '/v1/metrics': 'loom-ingest',
      '/graphql': 'loom-api', '/api/v1/namespaces': 'loom-api', '/get-online-features': 'loom-api', '/push': 'loom-api', '/health': 'loom-api',
      '/lineage': 'web app', '/health-of-x': 'web app',
    });
  });
});
