/**
 * The training request form. Problems found in the browser and BAD_USER_INPUT from the server
 * (quota exceeded, bad image, unknown dataset...) are shown next to the field they name. One
 * idempotency key per filled-in form, so a double submit launches one run.
 */
import { useState, type FormEvent } from 'react';
import { useMutation } from '../../api/useMutation.js';
import { Link, navigate } from '../../shell/router.js';
import { useT } from '../../i18n/i18n.js';
import { RequestTrainingDocument } from './documents.js';
import { EMPTY_FORM, PRIORITIES, addLine, fieldOfError, listItems, newRequestId, toRequest, type FieldProblem, type FormField, type TrainingForm } from './form.js';
import { QuotaCard } from './QuotaCard.js';
import { DatasetPicker } from './DatasetPicker.js';
import { M } from './messages.js';

type Field = { name: FormField; hint?: 'hintImage' | 'hintCommand' | 'hintEnv' | 'hintDatasets' | 'hintFeatureGroups' | 'hintGpuType' | 'hintWorkers' | 'hintPriority'; area?: boolean; wide?: boolean; choices?: readonly string[] };
const FIELDS: readonly Field[] = [
  { name: 'name' }, { name: 'experiment' }, { name: 'image', hint: 'hintImage', wide: true }, { name: 'command', hint: 'hintCommand', wide: true },
  { name: 'args', hint: 'hintCommand', wide: true }, { name: 'env', hint: 'hintEnv', area: true, wide: true }, { name: 'cpu' }, { name: 'memory' },
  { name: 'gpu' }, { name: 'gpuType', hint: 'hintGpuType' }, { name: 'workers', hint: 'hintWorkers', wide: true }, { name: 'datasets', hint: 'hintDatasets', area: true, wide: true },
  { name: 'featureGroups', hint: 'hintFeatureGroups', area: true, wide: true }, { name: 'retries' }, { name: 'timeoutSeconds' },
  { name: 'priority', hint: 'hintPriority', wide: true, choices: PRIORITIES },
];

export function TrainingFormView() {
  const t = useT(M);
  const [form, setForm] = useState<TrainingForm>(EMPTY_FORM);
  const [requestId, setRequestId] = useState(() => newRequestId());
  const [problems, setProblems] = useState<Partial<Record<FormField, FieldProblem>>>({});
  const [send, state] = useMutation(RequestTrainingDocument);
  const serverField = state.code === 'BAD_USER_INPUT' && state.error ? fieldOfError(state.field ?? state.error) : null;

  const change = (name: FormField, value: string) => {
    setForm((f) => ({ ...f, [name]: value }));
    setRequestId(newRequestId()); // a changed form is a new request
    setProblems((p) => ({ ...p, [name]: undefined }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const built = toRequest(form, requestId);
    if ('problems' in built) return setProblems(built.problems);
    setProblems({});
    const res = await send({ input: built.input });
    if (res) navigate(`/training/${encodeURIComponent(res.requestTraining.runId)}`);
  };
  const errorOf = (name: FormField): string | null => {
    const p = problems[name];
    if (p) return t(p.key, p.vars);
    return serverField === name ? state.error : null;
  };

  return (
    <>
      <Link to="/training">{t('back')}</Link>
      <h1 data-testid="page-heading">{t('submitTitle')}</h1>
      <QuotaCard />
      <form className="card stack" onSubmit={submit} data-testid="training-form" noValidate>
        <div className="form-grid">
          {FIELDS.map((f) => {
            const error = errorOf(f.name);
            const props = { value: form[f.name], 'data-testid': `training-${f.name}`, 'aria-invalid': Boolean(error), onChange: (e: { target: { value: string } }) => change(f.name, e.target.value) };
            return (
              <div key={f.name} className={`field${f.wide ? ' wide' : ''}${error ? ' invalid' : ''}`}>
                <label htmlFor={`training-field-${f.name}`}>{t(f.name)} {f.hint && <span className="hint">{t(f.hint)}</span>}</label>
                {f.choices
                  ? <select id={`training-field-${f.name}`} {...props}>{f.choices.map((c) => <option key={c} value={c}>{t(`priority${c}` as 'priorityLOW')}</option>)}</select>
                  : f.area ? <textarea id={`training-field-${f.name}`} rows={3} {...props} /> : <input id={`training-field-${f.name}`} {...props} />}
                {(f.name === 'datasets' || f.name === 'featureGroups') && <DatasetPicker of={f.name} chosen={listItems(form[f.name])} onAdd={(id) => change(f.name, addLine(form[f.name], id))} />}
                {error && <span className="field-error" data-testid={`training-${f.name}-error`} role="alert">{error}</span>}
              </div>
            );
          })}
        </div>
        {Object.values(problems).some(Boolean) && <p className="error">{t('fixFields')}</p>}
        {state.error && !serverField && <p className="error" role="alert" data-testid="training-submit-error">{state.code ? `${state.code}: ` : ''}{state.error}</p>}
        <div className="row">
          <button type="submit" className="primary" data-testid="training-submit" disabled={state.running}>{state.running ? t('submitting') : t('submit')}</button>
        </div>
      </form>
    </>
  );
}
