/**
 * A stand-in of a mail server (an SMTP relay is a third-party service): a real SMTP server
 * (smtp-server) on a private port that keeps what it is sent. It refuses, as real servers do,
 * recipients at `refused.test` for good (550: no such mailbox) and, while `busy` is above 0, each
 * message for now (451: try again later), counting down.
 */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail { from: string; to: string[]; data: string }

export interface SmtpStandIn {
  url: string;
  received: ReceivedMail[];
  /** Messages still to refuse with 451 before accepting. */
  busy: number;
  close(): Promise<void>;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

export async function startSmtpStandIn(): Promise<SmtpStandIn> {
  const stand: SmtpStandIn = { url: '', received: [], busy: 0, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refused.test')) return callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox`));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (stand.busy > 0) {
          stand.busy--;
          return callback(smtpError(451, '4.3.0 busy, try again later'));
        }
        stand.received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stand.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  stand.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return stand;
}
