/**
 * Sends email: the email destinations of webhooks (`mailto:` URLs: alerts, reports, registry changes).
 * The adapter is SMTP (server/src/mail/SmtpMailer.ts), wired when LOOM_SMTP_URL is set.
 */
export interface MailMessage { to: string[]; subject: string; text: string; headers?: Record<string, string> }

/**
 * `status`: the SMTP server's reply code (250: accepted; null: no reply, e.g. the server could not be
 * reached); `permanent`: a 5xx refusal (an unknown mailbox, a message refused), not worth sending again.
 */
export interface MailResult { ok: boolean; status: number | null; error: string | null; permanent: boolean }

export interface Mailer {
  send(message: MailMessage): Promise<MailResult>;
  close(): Promise<void>;
}
