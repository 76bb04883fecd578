/**
 * The Mailer over SMTP (nodemailer): `LOOM_SMTP_URL` such as `smtp://user:password@smtp.example.com:587`
 * (STARTTLS when the server offers it) or `smtps://…:465` (TLS from the start), every message from
 * `LOOM_SMTP_FROM`. Connections are pooled (at most 2), so a burst of alerts reuses them.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailMessage, MailResult, Mailer } from '../domain/ports/Mailer.js';

export interface SmtpConfig { url: string; from: string; timeoutMs?: number }

export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(private readonly cfg: SmtpConfig) {
    const timeout = cfg.timeoutMs ?? 10_000;
    const url = new URL(cfg.url);
    const secure = url.protocol === 'smtps:';
    this.transport = nodemailer.createTransport({
      host: url.hostname, port: Number(url.port) || (secure ? 465 : 587), secure,
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      pool: true, maxConnections: 2, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout * 3,
    });
  }

  async send(m: MailMessage): Promise<MailResult> {
    try {
      const info = await this.transport.sendMail({ from: this.cfg.from, to: m.to, subject: m.subject, text: m.text, headers: m.headers });
      // Every recipient refused is a refusal (nodemailer resolves when some were accepted).
      const rejected = (info.rejected ?? []).map(String);
      if ((info.accepted ?? []).length === 0) return { ok: false, status: replyCode(info.response), error: `refused: ${rejected.join(', ')}`, permanent: true };
      return { ok: true, status: replyCode(info.response) ?? 250, error: rejected.length ? `refused: ${rejected.join(', ')}` : null, permanent: false };
    } catch (err) {
      const e = err as { responseCode?: number; response?: string; message?: string };
      const status = typeof e.responseCode === 'number' ? e.responseCode : null;
      return { ok: false, status, error: e.response ?? e.message ?? String(err), permanent: status !== null && status >= 500 };
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

const replyCode = (response: string | undefined) => {
  const m = /^(\d{3})/.exec(response ?? '');
  return m ? Number(m[1]) : null;
};
