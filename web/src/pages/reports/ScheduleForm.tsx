/** A new report schedule: its name, cadence (daily, or weekly on a day), hour (UTC) and sections. */
import { useState, type FormEvent } from 'react';
import { useMutation } from '../../api/useMutation.js';
import type { ReportCadence, ReportSection } from '../../gql/graphql.js';
import { useT } from '../../i18n/i18n.js';
import { CreateReportScheduleDocument } from './documents.js';
import { CADENCES, HOURS, hourText, SECTIONS, WEEKDAYS } from './reports.js';
import { M } from './messages.js';

const EMPTY = { name: '', cadence: 'DAILY' as ReportCadence, hourUtc: 6, weekday: 1, sections: [...SECTIONS] as ReportSection[] };

export function ScheduleForm({ onCreated }: { onCreated: (id: string) => void }) {
  const t = useT(M);
  const [form, setForm] = useState(EMPTY);
  const [create, creating] = useMutation(CreateReportScheduleDocument);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const toggle = (s: ReportSection, on: boolean) => set({ sections: SECTIONS.filter((x) => (x === s ? on : form.sections.includes(x))) });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const weekly = form.cadence === 'WEEKLY';
    const made = await create({ input: { name: form.name.trim(), cadence: form.cadence, hourUtc: form.hourUtc, weekday: weekly ? form.weekday : null, sections: form.sections } });
    if (made) {
      setForm(EMPTY);
      onCreated(made.createReportSchedule.id);
    }
  };
  return (
    <section className="card stack-sm" data-testid="reports-new-schedule">
      <h3>{t('newSchedule')}</h3>
      <form className="stack-sm" onSubmit={submit}>
        <div className="field"><label htmlFor="schedule-name">{t('name')}</label>
          <input id="schedule-name" data-testid="schedule-name" required maxLength={200} value={form.name} placeholder={t('namePlaceholder')} onChange={(e) => set({ name: e.target.value })} /></div>
        <div className="row">
          <div className="field"><label htmlFor="schedule-cadence">{t('cadence')}</label>
            <select id="schedule-cadence" data-testid="schedule-cadence" value={form.cadence} onChange={(e) => set({ cadence: e.target.value as ReportCadence })}>
              {CADENCES.map((c) => <option key={c} value={c}>{t(c)}</option>)}
            </select></div>
          {form.cadence === 'WEEKLY' && (
            <div className="field"><label htmlFor="schedule-weekday">{t('weekday')}</label>
              <select id="schedule-weekday" data-testid="schedule-weekday" value={form.weekday} onChange={(e) => set({ weekday: Number(e.target.value) })}>
                {WEEKDAYS.map((d) => <option key={d} value={d}>{t(`day${d}`)}</option>)}
              </select></div>
          )}
          <div className="field"><label htmlFor="schedule-hour">{t('hourUtc')}</label>
            <select id="schedule-hour" data-testid="schedule-hour" value={form.hourUtc} onChange={(e) => set({ hourUtc: Number(e.target.value) })}>
              {HOURS.map((h) => <option key={h} value={h}>{hourText(h)}</option>)}
            </select></div>
        </div>
        <fieldset className="field">
          <legend>{t('sections')}</legend>
          <div className="row">
            {SECTIONS.map((s) => (
              <label key={s} className="small"><input type="checkbox" data-testid={`schedule-section-${s.toLowerCase()}`} checked={form.sections.includes(s)} onChange={(e) => toggle(s, e.target.checked)} /> {t(s)}</label>
            ))}
          </div>
        </fieldset>
        <div className="row">
          <button type="submit" className="primary" data-testid="schedule-create" disabled={creating.running || form.sections.length === 0}>{t(creating.running ? 'creating' : 'create')}</button>
        </div>
      </form>
      {creating.error && <p className="error" role="alert" data-testid="schedule-form-error">{creating.error}</p>}
    </section>
  );
}
