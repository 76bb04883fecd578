import { describe, expect, it } from 'vitest';
import { emailText, slackText } from './webhook-format.js';
import { takesAlert } from './webhooks.service.js';

describe('Slack webhook messages', () => {
  it('says what fired and resolved, with the series and its value', () => {
    const rule = { name: 'Idle GPU', severity: 'CRITICAL' };
    const alert = { labels: { namespace: 'ml', pod: 'p-0', container: '' }, value: 3, op: 'LT', threshold: 10 };
    expect(slackText('ALERT_FIRING', 'demo', { rule, alerts: [alert] })).toBe(':rotating_light: *[CRITICAL] Idle GPU* firing in demo: `namespace=ml pod=p-0` 3 &lt; 10');
    expect(slackText('ALERT_RESOLVED', 'demo', { rule, alerts: [{ ...alert, value: 50 }] })).toBe(':white_check_mark: *[CRITICAL] Idle GPU* resolved in demo: `namespace=ml pod=p-0` 50 &lt; 10');
    expect(slackText('ALERT_FIRING', 'demo', { rule, alerts: [{ ...alert, noData: true }] })).toContain('` no data');
    // "<" is escaped as Slack asks (it shows "<"); ">" too
    expect(slackText('ALERT_FIRING', 'demo', { rule, alerts: [{ ...alert, op: 'GT' }] })).toContain('3 &gt; 10');
    // Several series of one rule at once: one message, ten lines at most.
    const many = Array.from({ length: 12 }, (_, i) => ({ ...alert, labels: { pod: `p-${i}` } }));
    expect(slackText('ALERT_FIRING', 'demo', { rule, alerts: many.slice(0, 2) })).toBe(':rotating_light: *[CRITICAL] Idle GPU* firing in demo: 2 series\n• `pod=p-0` 3 &lt; 10\n• `pod=p-1` 3 &lt; 10');
    const text = slackText('ALERT_FIRING', 'demo', { rule, alerts: many }).split('\n');
    expect([text.length, text[0], text[10], text[11]]).toEqual([12, ':rotating_light: *[CRITICAL] Idle GPU* firing in demo: 12 series', '• `pod=p-9` 3 &lt; 10', '…and 2 more']);
  });

  it('says what moved in the registries, and by whom', () => {
    expect(slackText('MODEL_VERSION_STAGE_CHANGED', 'demo', { model: 'churn', version: 3, from: 'Staging', to: 'Production', actor: 'ana', reason: 'AUC up' }))
      .toBe(':arrow_right: Model *churn* version 3: Staging → *Production* by ana (AUC up)');
    expect(slackText('MODEL_ALIAS_CHANGED', 'demo', { model: 'churn', alias: 'champion', version: null, actor: null })).toBe(':label: Model *churn* alias `champion` removed');
    expect(slackText('PROMPT_LABEL_CHANGED', 'demo', { prompt: 'p', label: 'production', version: 2, actor: 'ci' })).toBe(':label: Prompt *p* label `production` → version 2 by ci');
    expect(slackText('MODEL_VERSION_REGISTERED', 't', { model: 'm', version: 1 })).toBe(':package: Model *m* version 1 registered in t');
    expect(slackText('PROMPT_VERSION_CREATED', 't', { prompt: 'p', version: 4, actor: 'x' })).toBe(':memo: Prompt *p* version 4 created by x');
    expect(slackText('WEBHOOK_TEST', 't', { actor: 'ana', events: ['ALERT_FIRING', 'ALERT_RESOLVED'] })).toBe(':wave: A test from Loom by ana for tenant t: this destination gets ALERT_FIRING, ALERT_RESOLVED');
  });

  it('never lets a name become a link or a mention', () => {
    expect(slackText('MODEL_VERSION_REGISTERED', 't', { model: '<!channel> & <http://evil|x>', version: 1 })).toBe(':package: Model *&lt;!channel&gt; &amp; &lt;http://evil|x&gt;* version 1 registered in t');
  });

  it('words an email as plain text: no markup nor escapes, the first line the subject, a footer naming the destination', () => {
    const rule = { name: 'Idle GPU', severity: 'CRITICAL' };
    const many = Array.from({ length: 2 }, (_, i) => ({ labels: { pod: `p-${i}` }, value: 3, op: 'LT', threshold: 10 }));
    const mail = emailText('ALERT_FIRING', 'demo', { rule, alerts: many }, 'w-1');
    expect(mail.subject).toBe('[Loom] [CRITICAL] Idle GPU firing in demo: 2 series');
    expect(mail.text.split('\n').slice(0, 3)).toEqual(['[CRITICAL] Idle GPU firing in demo: 2 series', '• pod=p-0 3 < 10', '• pod=p-1 3 < 10']);
    expect(mail.text).toContain('email destination w-1');
    expect(emailText('MODEL_VERSION_REGISTERED', 't', { model: '<b>*m*</b> & co', version: 1 }, 'w').subject).toBe('[Loom] Model <b>*m*</b> & co version 1 registered in t');
    expect(emailText('MODEL_VERSION_REGISTERED', 't', { model: 'm'.repeat(300), version: 1 }, 'w').subject).toHaveLength(7 + 150);
  });

  it('routes alerts by severity: a webhook with minSeverity takes those of rules that severe or more, and every other event', () => {
    const hook = (min?: string) => ({ props: min ? { minSeverity: min } : {} });
    const alert = (severity: string) => ({ rule: { severity }, alerts: [] });
    expect(['INFO', 'WARNING', 'CRITICAL'].map((s) => takesAlert(hook('WARNING'), 'ALERT_FIRING', alert(s)))).toEqual([false, true, true]);
    expect(takesAlert(hook('CRITICAL'), 'ALERT_RESOLVED', alert('WARNING'))).toBe(false);
    expect(takesAlert(hook(), 'ALERT_FIRING', alert('INFO'))).toBe(true);
    expect(takesAlert(hook('CRITICAL'), 'MODEL_VERSION_REGISTERED', { model: 'm' })).toBe(true);
  });
});
