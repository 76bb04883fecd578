/** The tenant's training quota and what queued and running runs hold of it (refreshed every 5 s). */
import { useT } from '../../i18n/i18n.js';
import { TrainingQuotaDocument } from './documents.js';
import { M } from './messages.js';
import { usePoll } from './usePoll.js';

const always = () => true;

export function QuotaCard() {
  const t = useT(M);
  const { data, loading, error } = usePoll(TrainingQuotaDocument, {}, 5000, always);
  const q = data?.trainingQuota;
  return (
    <section className="card" data-testid="training-quota" aria-busy={loading}>
      <h3>{t('quota')}</h3>
      {error && <p className="error" role="alert">{error}</p>}
      {!q && loading && <p className="muted">{t('loading')}</p>}
      {q && (
        <div className="quota">
          <span data-testid="quota-gpu">{t('gpus')}: <b>{q.gpu === null ? t('usedNoLimit', { used: q.usedGpu }) : t('used', { used: q.usedGpu, limit: q.gpu })}</b></span>
          <span data-testid="quota-cpu">{t('cpus')}: <b>{q.cpu === null ? t('usedNoLimit', { used: q.usedCpu }) : t('used', { used: q.usedCpu, limit: q.cpu })}</b></span>
          <span>{t('active')}: <b>{q.activeRuns}</b></span>
        </div>
      )}
    </section>
  );
}
