/**
 * Where alerts are sent: the tenant's webhooks (admins only, as the API), with the last delivery of
 * each; add one (a Slack incoming-webhook URL gets Slack's format, chosen from the URL; a mailto: URL
 * email, when the server has an SMTP server; any other the signed JSON; or a format a plugin offers,
 * picked) or stop one.
 */
import { useState, type FormEvent } from 'react';
import { useMutation } from '../../api/useMutation.js';
import { useQuery } from '../../api/useQuery.js';
import { useFormat, useT } from '../../i18n/i18n.js';
import { CreateWebhookDocument, DeleteWebhookDocument, TestWebhookDocument, WebhooksDocument } from './documents.js';
import { defaultWebhookFormat, webhookFormatChoices, webhookFormatLabel } from './alerts.js';
import { M } from './messages.js';

const NO_VARIABLES = {};
/** What a new webhook takes: alerts, a dataset's schema changes (with what the dataset feeds), or every event (null). */
const EVENT_CHOICES = { alerts: ['ALERT_FIRING', 'ALERT_RESOLVED'], schema: ['DATASET_SCHEMA_CHANGED'], all: null } as const;
type EventChoice = keyof typeof EVENT_CHOICES;

export function Notifications() {
  const t = useT(M);
  const f = useFormat();
  const hooks = useQuery(WebhooksDocument, NO_VARIABLES);
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<string | null>(null);
  const [events, setEvents] = useState<EventChoice>('alerts');
  /** The least severe alerts it takes ('' every one). */
  const [minSeverity, setMinSeverity] = useState('');
  const [create, creating, reset] = useMutation(CreateWebhookDocument);
  const [remove, removing] = useMutation(DeleteWebhookDocument);
  const [sendTest, testing] = useMutation(TestWebhookDocument);
  /** The webhook a test was last sent to (its answer is shown on its row). */
  const [tested, setTested] = useState<string | null>(null);
  const test = async (id: string) => {
    setTested(id);
    if (await sendTest({ id })) hooks.reload();
  };
  const chosen = format ?? defaultWebhookFormat(url);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await create({ input: { url: url.trim(), format: chosen, events: EVENT_CHOICES[events] ? [...EVENT_CHOICES[events]!] : null, minSeverity: events === 'schema' || !minSeverity ? null : minSeverity } })) {
      setUrl('');
      setFormat(null);
      setMinSeverity('');
      hooks.reload();
    }
  };
  const stop = async (id: string, at: string) => {
    if (!window.confirm(t('confirmDeleteWebhook', { url: at }))) return;
    if (await remove({ id })) hooks.reload();
  };
  const list = hooks.data?.webhooks ?? [];
  const created = creating.data?.createWebhook;
  return (
    <section className="card stack-sm" data-testid="alert-notifications">
      <h3>{t('notifications')}</h3>
      <p className="muted small">{t('notificationsIntro')}</p>
      {(hooks.error ?? removing.error ?? testing.error) && <p className="error" role="alert">{hooks.error ?? removing.error ?? testing.error}</p>}
      {hooks.data && list.length === 0 && <p className="muted" data-testid="no-webhooks">{t('noWebhooks')}</p>}
      {list.length > 0 && (
        <table className="table">
          <thead><tr><th>{t('url')}</th><th>{t('format')}</th><th>{t('events')}</th><th>{t('lastDelivery')}</th><th /></tr></thead>
          <tbody>
            {list.map((h) => {
              const last = h.deliveries[0];
              return (
                <tr key={h.id} data-testid="webhook-row">
                  <td className="mono small">{h.url}</td>
                  <td data-testid="webhook-format-cell">{webhookFormatLabel(h.format, t)}</td>
                  <td className="small" data-testid="webhook-events-cell">{h.events.join(', ')}{h.minSeverity && <div className="muted">{t('minSeverityShown', { severity: t(h.minSeverity as 'INFO' | 'WARNING' | 'CRITICAL') })}</div>}</td>
                  <td className="small" data-testid="webhook-last-delivery">
                    {!last ? <span className="muted">{t('noDelivery')}</span>
                      : <>{f.dateTime(last.at)} {last.event}<div className={last.ok || last.state === 'PENDING' ? 'muted' : 'error'}>{last.state === 'PENDING' ? t('sending') : last.ok ? t('delivered', { status: last.status ?? '' }) : t('failed', { n: last.attempts, error: last.error ?? String(last.status) })}</div></>}
                  </td>
                  <td className="row">
                    <button type="button" className="small" data-testid="webhook-test" disabled={testing.running} onClick={() => test(h.id)}>{testing.running && tested === h.id ? t('testing') : t('sendTest')}</button>
                    <button type="button" className="small danger" data-testid="webhook-delete" onClick={() => stop(h.id, h.url)}>{t('delete')}</button>
                    {tested === h.id && testing.data && (
                      <span className={`small ${testing.data.testWebhook.ok ? 'muted' : 'error'}`} data-testid="webhook-test-result">
                        {testing.data.testWebhook.ok ? t('testDelivered', { status: testing.data.testWebhook.status ?? '' }) : t('testFailed', { error: testing.data.testWebhook.error ?? String(testing.data.testWebhook.status) })}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form className="row" onSubmit={submit}>
        <div className="field"><label htmlFor="webhook-url">{t('url')}</label>
          <input id="webhook-url" data-testid="webhook-url" type="url" required size={48} value={url} placeholder={t('urlPlaceholder')} onChange={(e) => { setUrl(e.target.value); reset(); }} /></div>
        <div className="field"><label htmlFor="webhook-format">{t('format')}</label>
          <select id="webhook-format" data-testid="webhook-format" value={chosen} onChange={(e) => setFormat(e.target.value)}>
            {webhookFormatChoices(hooks.data?.webhookFormats, chosen).map((name) => <option key={name} value={name}>{webhookFormatLabel(name, t)}</option>)}
          </select></div>
        <div className="field"><label htmlFor="webhook-events">{t('events')}</label>
          <select id="webhook-events" data-testid="webhook-events" value={events} onChange={(e) => setEvents(e.target.value as EventChoice)}>
            <option value="alerts">{t('alertEvents')}</option><option value="schema">{t('schemaEvents')}</option><option value="all">{t('allEvents')}</option>
          </select></div>
        {events !== 'schema' && (
          <div className="field"><label htmlFor="webhook-min-severity">{t('minSeverity')}</label>
            <select id="webhook-min-severity" data-testid="webhook-min-severity" value={minSeverity} onChange={(e) => setMinSeverity(e.target.value)}>
              <option value="">{t('anySeverity')}</option><option value="WARNING">{t('warningUp')}</option><option value="CRITICAL">{t('criticalOnly')}</option>
            </select></div>
        )}
        <button type="submit" className="primary" data-testid="webhook-add" disabled={creating.running}>{creating.running ? t('adding') : t('addWebhook')}</button>
      </form>
      {creating.error && <p className="error" role="alert" data-testid="webhook-error">{creating.error}</p>}
      {created?.webhook.format === 'LOOM' && <p className="new-key mono small" data-testid="webhook-secret">{t('secretOnce', { secret: created.secret })}</p>}
    </section>
  );
}
