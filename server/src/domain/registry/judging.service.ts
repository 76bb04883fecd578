/**
 * LLM as a judge: an evaluation's examples graded by an LLM (the Judge port) on criteria such as
 * correctness or relevance. `request` records the request on the Evaluation node (`judging`) and
 * queues it (`evaluations.judge`); a worker runs it (`run`): each example × criterion is one judge
 * call (a few at once), each verdict a judgement of the example (`judge.<criterion>` in its scores),
 * kept in groups as it goes, so a job retried, or stopped at shutdown, resumes where it was. At the
 * end each criterion's mean becomes the evaluation's metric `judge.<criterion>`, read by gates like any
 * other. A new request for the same evaluation supersedes one still queued.
 */
import type { Analytics } from '../ports/Analytics.js';
import type { GraphStore } from '../ports/GraphStore.js';
import type { JobInfo, JobQueue } from '../ports/JobQueue.js';
import type { Judge } from '../ports/Judge.js';
import type { GraphNode } from '../model.js';
import { LoomError, badInput, notFound } from '../errors.js';
import { actorProps, requireWrite, type Actor } from './actor.js';
import { checkKey, checkText } from './validate.js';
import { judgeRequest, readVerdict } from './judge-prompt.js';
import { judgementMeans, type Judgement as BaseJudgement } from './eval-examples.js';

export type JudgingStateName = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
export interface JudgingState {
  state: JudgingStateName; criteria: string[]; model: string; requestedAt: string; requestedBy: { actor: string | null; role: string };
  /** Example × criterion verdicts given so far, of `total`; `unreadable`: answers that were not a grade (left out). */
  judged: number; total: number; unreadable: number; tokens: number; error: string | null; finishedAt: string | null;
}

interface StoredExample { example_id: string; seq: number; input: string; prediction: string; reference: string; scores: Record<string, number | string>; judgements: string }
/** A judgement as stored: the judge's verdicts carry the request they answered. */
interface Judgement extends BaseJudgement { requestedAt?: string }

const MAX_CRITERIA = 10;
/** Examples whose verdicts are stored (and progress recorded) together. */
const GROUP = 50;

export class EvaluationJudging {
  constructor(
    private readonly graph: GraphStore,
    private readonly analytics: Analytics,
    private readonly queue: JobQueue,
    private readonly judge: Judge | null,
    private readonly concurrency = 4,
  ) {}

  /** Queue the grading of an evaluation's examples (editor, admin). */
  async request(actor: Actor, evaluationId: string, criteria: string[], model?: string | null): Promise<GraphNode> {
    this.check(actor, criteria);
    const node = await this.evaluation(actor.tenant, evaluationId);
    const examples = Number(node.props.examples ?? 0);
    if (!examples) throw badInput('evaluationId', 'has no examples to judge: evaluations made with evaluate() keep theirs');
    const current = node.props.judging as JudgingState | undefined;
    if (current?.state === 'RUNNING') throw new LoomError('CONFLICT', `evaluation ${evaluationId} is being judged (${current.judged} of ${current.total}); wait for it to finish`);
    const unique = [...new Set(criteria)];
    const judging: JudgingState = {
      state: 'QUEUED', criteria: unique, model: checkText('model', model, 200) ?? this.judge!.defaultModel, requestedAt: new Date().toISOString(), requestedBy: actorProps(actor),
      judged: 0, total: examples * unique.length, unreadable: 0, tokens: 0, error: null, finishedAt: null,
    };
    await this.save(actor.tenant, node, judging);
    await this.queue.add('evaluations.judge', `${actor.tenant}/${evaluationId}/${judging.requestedAt}`, { tenant: actor.tenant, evaluationId, requestedAt: judging.requestedAt });
    return this.evaluation(actor.tenant, evaluationId);
  }

  /** Whether `actor` may have evaluations judged on `criteria` here (a judge configured, the criteria well formed); throws why not. */
  check(actor: Actor, criteria: string[]): void {
    requireWrite(actor, 'judge evaluations');
    if (!this.judge) throw badInput('model', 'no LLM judge is configured on this server: set LOOM_JUDGE_URL (an OpenAI-compatible API, or Anthropic\'s with LOOM_JUDGE_API=anthropic) and LOOM_JUDGE_API_KEY');
    if (!Array.isArray(criteria) || criteria.length === 0 || criteria.length > MAX_CRITERIA) throw badInput('criteria', `give 1 to ${MAX_CRITERIA} criteria (correctness, relevance, faithfulness...)`);
    criteria.forEach((c, i) => checkKey(`criteria[${i}]`, c));
  }

  /** The worker's part: grade what this request has not graded yet, then record the means. */
  async run(tenant: string, evaluationId: string, requestedAt: string, job?: Pick<JobInfo, 'signal' | 'attempt' | 'maxAttempts'>): Promise<void> {
    const node = await this.evaluation(tenant, evaluationId);
    const start = node.props.judging as JudgingState | undefined;
    if (!start || start.requestedAt !== requestedAt || start.state === 'DONE') return; // superseded or done
    if (!this.judge) { // the server was restarted without its judge since the request
      await this.save(tenant, node, { ...start, state: 'FAILED', error: 'no LLM judge is configured on this server: set LOOM_JUDGE_URL and request the judging again' });
      return;
    }
    let judging: JudgingState = { ...start, state: 'RUNNING', error: null };
    await this.save(tenant, node, judging);
    try {
      const rows = await this.examples(tenant, evaluationId);
      for (let i = 0; i < rows.length; i += GROUP) {
        if (job?.signal.aborted) return; // shutdown: the job goes back to the queue and resumes
        const group = rows.slice(i, i + GROUP);
        const outcome = await this.grade(group, judging);
        if (!outcome.changed.length) continue;
        await this.analytics.insert('evaluation_examples', outcome.changed.map((r) => ({ tenant_id: tenant, evaluation_id: evaluationId, ...r })));
        judging = { ...judging, judged: judging.judged + outcome.judged, unreadable: judging.unreadable + outcome.unreadable, tokens: judging.tokens + outcome.tokens };
        await this.save(tenant, node, judging);
      }
      const graded = await this.examples(tenant, evaluationId);
      const means = Object.fromEntries(Object.entries(judgementMeans(graded.map((r) => parseJudgements(r.judgements)))).map(([k, v]) => [`metric.${k}`, v]));
      await this.save(tenant, node, { ...judging, state: 'DONE', finishedAt: new Date().toISOString() }, means);
    } catch (err) {
      const last = !job || job.attempt >= job.maxAttempts;
      await this.save(tenant, node, { ...judging, state: last ? 'FAILED' : 'QUEUED', error: (err as Error).message.slice(0, 1000) });
      throw err;
    }
  }

  /** One group's missing verdicts, a few calls at once; the rows whose judgements changed. */
  private async grade(rows: StoredExample[], judging: JudgingState) {
    const todo = rows.flatMap((row) => {
      const done = new Set(parseJudgements(row.judgements).filter((j) => j.requestedAt === judging.requestedAt).map((j) => j.criterion));
      return judging.criteria.filter((c) => !done.has(c)).map((criterion) => ({ row, criterion }));
    });
    const verdicts = new Map<StoredExample, Judgement[]>();
    let tokens = 0;
    let unreadable = 0;
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(this.concurrency, todo.length) }, async () => {
      while (next < todo.length) {
        const { row, criterion } = todo[next++];
        const answer = await this.judge!.complete(judgeRequest(judging.model, criterion, row));
        tokens += answer.tokens;
        let verdict: { score: number; rationale: string | null };
        try {
          verdict = readVerdict(answer.content);
        } catch {
          unreadable++;
          continue;
        }
        verdicts.set(row, [...(verdicts.get(row) ?? []), { criterion, ...verdict, judge: judging.model, requestedAt: judging.requestedAt }]);
      }
    }));
    const changed = [...verdicts].map(([row, added]) => {
      const kept = parseJudgements(row.judgements).filter((j) => !added.some((a) => a.criterion === j.criterion));
      const scores = Object.fromEntries(Object.entries(row.scores).map(([k, v]) => [k, Number(v)]));
      for (const a of added) scores[`judge.${a.criterion}`] = a.score;
      return { example_id: row.example_id, seq: row.seq, input: row.input, prediction: row.prediction, reference: row.reference, scores, judgements: JSON.stringify([...kept, ...added]) };
    });
    return { changed, judged: [...verdicts.values()].reduce((n, v) => n + v.length, 0), unreadable, tokens };
  }

  private async examples(tenant: string, evaluationId: string): Promise<StoredExample[]> {
    return this.analytics.query<StoredExample>(tenant, `SELECT example_id, seq, input, prediction, reference, scores, judgements FROM evaluation_examples FINAL
      WHERE tenant_id = {tenant:String} AND evaluation_id = {id:String} ORDER BY seq`, { id: evaluationId });
  }

  private async evaluation(tenant: string, id: string): Promise<GraphNode> {
    if (typeof id !== 'string' || !id) throw badInput('evaluationId', 'required');
    const [node] = await this.graph.getNodes(tenant, [id]);
    if (!node || node.kind !== 'Evaluation') throw notFound(`evaluation ${id}`);
    return node;
  }

  private async save(tenant: string, node: GraphNode, judging: JudgingState, metrics: Record<string, number> = {}): Promise<void> {
    await this.graph.write(tenant, { nodes: [{ id: node.id, kind: 'Evaluation', namespace: node.namespace, name: node.name, props: { judging, ...metrics } }], edges: [] });
  }
}

function parseJudgements(text: string): Judgement[] {
  try {
    const list = JSON.parse(text) as unknown;
    return Array.isArray(list) ? (list as Judgement[]) : [];
  } catch {
    return [];
  }
}
