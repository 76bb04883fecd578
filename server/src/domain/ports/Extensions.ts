/**
 * What plugins add to Loom, as the domain asks for it. The plugin loader (server/src/plugins/) is
 * the adapter: it loads the modules LOOM_PLUGINS names and answers through this port; without
 * plugins the composition root passes NO_EXTENSIONS. Every method here contains its plugin's
 * failures: a plugin that throws, hangs or answers nonsense costs its own contribution, never the
 * event, promotion or delivery around it (a gate fails closed).
 */
import type { Props } from '../model.js';

/** What carries OpenLineage facets. */
export const FACET_OWNERS = ['dataset', 'job', 'run'] as const;
export type FacetOwner = (typeof FACET_OWNERS)[number];

/** One dataset, job or run of an OpenLineage event, whose facets the plugins read. */
export interface FacetSubject {
  tenant: string;
  owner: FacetOwner;
  namespace: string;
  /** The dataset's or job's name; a run's id. */
  name: string;
  eventType: string | null;
  eventTime: string;
}

/** What one plugin made of a subject's facets: props kept on its node as `plugin.<plugin>.<key>`, tags put on it (or on a field of a dataset). */
export interface FacetContribution {
  plugin: string;
  props: Props;
  tags: { name: string; field: string | null }[];
}

/** A dataset's identity in OpenLineage. */
export interface DatasetName { namespace: string; name: string }

/** A promotion gate's question to a plugin: may this version enter the stage, or take the alias? */
export interface PluginGateCheck {
  tenant: string;
  model: string;
  version: number;
  /** The stage it would enter, or the alias it would take. */
  stage: string | null;
  alias: string | null;
  /** The gate's configuration (`params` of setPromotionGates), as JSON. */
  params: unknown;
  /** The id of the run that produced the version (null: none). */
  runId: string | null;
  /** The version's props (URI, description, tags...). */
  props: Props;
  /** The last value of a metric on the source run, and the newest evaluation's value of one. */
  runMetric(key: string): Promise<number | null>;
  evaluationMetric(key: string): Promise<number | null>;
}

export interface PluginGateOutcome { passed: boolean; detail: string }

/** A webhook delivery before it is sent (the LOOM envelope's fields). */
export interface WebhookEnvelope { id: string; event: string; tenant: string; occurredAt: string; webhook: string; data: Record<string, unknown> }
/** The body a webhook format makes of an envelope, its content type and any more headers. */
export interface FormattedBody { body: string; contentType: string; headers: Record<string, string> }

/** A loaded plugin, as an API shows it: what it adds, and the asking tenant's count of its failures. */
export interface PluginInfo {
  name: string;
  version: string | null;
  /** What LOOM_PLUGINS named. */
  module: string;
  /** Whether it renames datasets at ingest. */
  renamesDatasets: boolean;
  facets: { facet: string; owners: FacetOwner[] }[];
  promotionGates: { name: string; description: string | null }[];
  webhookFormats: { name: string; description: string | null }[];
  errors: { count: number; lastAt: string | null; lastMessage: string | null };
  /** Its handlers' calls for the tenant, and the time they took (a gate's or format's includes what it waited for). */
  usage: { calls: number; totalMs: number; slowestMs: number };
}

export interface Extensions {
  /** The loaded plugins; `errors` are `tenant`'s only (a failure's message may quote that tenant's data). */
  describe(tenant: string): PluginInfo[];
  /** Whether any plugin reads facets (when none, ingest skips the call). */
  readonly readsFacets: boolean;
  /** The contributions of the plugins that read one of these facets; never throws. */
  facets(subject: FacetSubject, facets: Readonly<Record<string, unknown>>): FacetContribution[];
  /** Whether any plugin renames datasets (when none, ingest skips the call). */
  readonly renamesDatasets: boolean;
  /**
   * The name the graph knows a dataset by, as the plugins that rename datasets make it (each in turn,
   * in load order), e.g. `s3a://bucket` and `s3://bucket` as one; the name itself when none changes it,
   * or when one fails (counted). Never throws.
   */
  datasetName(tenant: string, ref: DatasetName): DatasetName;
  /** The promotion gates plugins offer, by name. */
  gateNames(): string[];
  /** A plugin gate's verdict; a gate no plugin offers, a failure or a timeout fails it, saying why. */
  checkGate(name: string, check: PluginGateCheck): Promise<PluginGateOutcome>;
  /** The webhook formats plugins offer, by name (beside LOOM and SLACK). */
  webhookFormatNames(): string[];
  /** The body of a delivery in a plugin's format; throws an Error saying why it could not be made. */
  formatWebhook(name: string, envelope: WebhookEnvelope): Promise<FormattedBody>;
}

/** No plugins: nothing read, no gates, no formats. */
export const NO_EXTENSIONS: Extensions = {
  describe: () => [],
  readsFacets: false,
  facets: () => [],
  renamesDatasets: false,
  datasetName: (_tenant, ref) => ref,
  gateNames: () => [],
  checkGate: async (name) => ({ passed: false, detail: `no plugin offers the gate ${name} in this Loom (LOOM_PLUGINS)` }),
  webhookFormatNames: () => [],
  formatWebhook: async (name) => { throw new Error(`no plugin offers the webhook format ${name} in this Loom (LOOM_PLUGINS)`); },
};
