import { defineMessages, useT } from '../../i18n/i18n.js';

const M = defineMessages(
  { Production: 'Production', Staging: 'Staging', None: 'None', Archived: 'Archived' },
  { Production: '生产', Staging: '预发布', None: '无', Archived: '已归档' },
);

export type StageName = keyof typeof M.en;

export function useStageLabel(): (stage: string) => string {
  const t = useT(M);
  return (stage) => (stage in M.en ? t(stage as StageName) : stage);
}

export function StageBadge({ stage, version }: { stage: string; version?: number }) {
  const label = useStageLabel();
  return <span className={`badge stage-${stage.toLowerCase()}`} data-testid="stage-badge">{label(stage)}{version !== undefined && ` v${version}`}</span>;
}
