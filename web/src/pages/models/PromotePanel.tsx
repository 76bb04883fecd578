import { useState, type FormEvent } from 'react';
import { useMutation } from '../../api/useMutation.js';
import { defineMessages, useT } from '../../i18n/i18n.js';
import type { RegisteredModelQuery } from '../../gql/graphql.js';
import { TransitionStageDocument } from './documents.js';
import { GateResults } from './Gates.js';
import { latestRejection, maxSeq, STAGES, type Stage } from './model-view.js';
import { useStageLabel } from './StageBadge.js';
import { ErrorNote } from './ui.js';

type Model = NonNullable<RegisteredModelQuery['registeredModel']>;
type Version = Model['versions'][number];

const M = defineMessages(
  {
    title: 'Promote', stage: 'Target stage', reason: 'Reason (recorded in the history)', archive: 'Archive the version now in {stage}',
    submit: 'Move v{version} to {stage}', running: 'Moving…', done: 'v{version} is now in {stage}.', blocked: 'The promotion was blocked by the gates:',
    adminNote: 'Production needs the admin role and passing gates.', current: 'v{version} is in {stage} now.',
  },
  {
    title: '晋级', stage: '目标阶段', reason: '原因（记入历史）', archive: '归档当前处于{stage}的版本',
    submit: '将 v{version} 移到{stage}', running: '处理中…', done: 'v{version} 已进入{stage}。', blocked: '晋级被门禁阻止：',
    adminNote: '生产阶段需要管理员角色并通过所有门禁。', current: 'v{version} 当前处于{stage}。',
  },
);

const firstTarget = (current: string): Stage => (current === 'Staging' ? 'Production' : current === 'Production' ? 'Archived' : 'Staging');

/** Move one version to a stage; a refusal shows the server's reason and each gate's verdict. */
export function PromotePanel({ model, version, onChanged }: { model: Model; version: Version; onChanged: () => void }) {
  const t = useT(M);
  const stageLabel = useStageLabel();
  const [chosen, setStage] = useState<Stage>(firstTarget(version.stage));
  const stage = chosen === version.stage ? firstTarget(version.stage) : chosen; // after a move, the old target is the current stage
  const [reason, setReason] = useState('');
  const [archive, setArchive] = useState(true);
  const [seqBefore, setSeqBefore] = useState<number | null>(null);
  const [run, state] = useMutation(TransitionStageDocument);
  const archivable = stage === 'Production' || stage === 'Staging';
  const rejection = state.error && seqBefore !== null ? latestRejection(model.history, version.version, ['STAGE_TRANSITION'], seqBefore) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSeqBefore(maxSeq(model.history));
    const done = await run({ input: { name: model.name, version: version.version, stage, reason: reason.trim() || null, archiveExistingVersions: archivable && archive } });
    if (done) setReason('');
    onChanged(); // applied or refused, the history has a new entry
  };

  return (
    <form className="form" onSubmit={submit} data-testid="promote-form">
      <h3>{t('title')}</h3>
      <p className="hint">{t('current', { version: version.version, stage: stageLabel(version.stage) })} {t('adminNote')}</p>
      <label>
        {t('stage')}
        <select value={stage} onChange={(e) => setStage(e.target.value as Stage)} data-testid="promote-stage">
          {STAGES.filter((s) => s !== version.stage).map((s) => <option key={s} value={s}>{stageLabel(s)}</option>)}
        </select>
      </label>
      <label>
        {t('reason')}
        <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="promote-reason" />
      </label>
      {archivable && (
        <label className="check">
          <input type="checkbox" checked={archive} onChange={(e) => setArchive(e.target.checked)} data-testid="promote-archive" />
          {t('archive', { stage: stageLabel(stage) })}
        </label>
      )}
      <div>
        <button type="submit" className="btn" disabled={state.running} data-testid="promote-submit">
          {state.running ? t('running') : t('submit', { version: version.version, stage: stageLabel(stage) })}
        </button>
      </div>
      {state.data && <p className="note ok-note" data-testid="promote-ok">{t('done', { version: state.data.transitionModelVersionStage.version, stage: stageLabel(state.data.transitionModelVersionStage.stage) })}</p>}
      {state.error && <ErrorNote message={state.error} code={state.code} testId="promote-error" />}
      {rejection && rejection.gates.length > 0 && (
        <div data-testid="promote-gates">
          <p className="hint">{t('blocked')}</p>
          <GateResults gates={rejection.gates} />
        </div>
      )}
    </form>
  );
}
