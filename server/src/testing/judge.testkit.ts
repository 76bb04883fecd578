import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local stand-ins of the judge models' APIs, as far as Loom's LLM judge uses them (tests only): the
 * OpenAI chat completions API and Anthropic's Messages API. Both grade 5 when the answer equals the
 * reference, 2 otherwise; the answer "GARBAGE" gets prose instead of JSON; with `refuseFirst` the
 * first call is refused as overloaded (503; Anthropic's 529), as a real API does under load.
 */
export function openAiJudgeStandIn(key: string, opts: { refuseFirst?: boolean } = { refuseFirst: true }) {
  return standIn(opts, {
    path: '/v1/chat/completions', authorized: (req) => req.headers.authorization === `Bearer ${key}`, overloaded: 503,
    user: (request) => request.messages[1].content,
    answer: (content) => ({ id: 'c1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage: { prompt_tokens: 25, completion_tokens: 5, total_tokens: 30 } }),
  });
}

/** Anthropic's Messages API: `x-api-key` and `anthropic-version` required; the system prompt apart from the messages. */
export function anthropicJudgeStandIn(key: string, opts: { refuseFirst?: boolean } = { refuseFirst: true }) {
  return standIn(opts, {
    path: '/v1/messages', authorized: (req) => req.headers['x-api-key'] === key && req.headers['anthropic-version'] === '2023-06-01', overloaded: 529,
    user: (request) => {
      if (typeof request.system !== 'string' || typeof request.max_tokens !== 'number' || request.messages.some((m: { role: string }) => m.role === 'system')) {
        throw new Error('not a Messages API request: the system prompt goes in `system`, max_tokens is required');
      }
      return request.messages[0].content;
    },
    answer: (content) => ({ id: 'msg_1', type: 'message', role: 'assistant', content: [{ type: 'text', text: content }], stop_reason: 'end_turn', usage: { input_tokens: 25, output_tokens: 5 } }),
  });
}

interface Dialect {
  path: string;
  authorized: (req: IncomingMessage) => boolean;
  overloaded: number;
  /** The judge prompt's user message from a request (throws for a request the API would refuse). */
  user: (request: any) => string;
  answer: (content: string) => unknown;
}

function standIn(opts: { refuseFirst?: boolean }, api: Dialect) {
  const requests: any[] = [];
  let refusedOnce = !opts.refuseFirst;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url !== api.path || !api.authorized(req)) return void res.writeHead(401).end('{"error":{"message":"bad key"}}');
      if (!refusedOnce) { // the first call is refused as overloaded: the judge client must try again
        refusedOnce = true;
        return void res.writeHead(api.overloaded, { 'retry-after': '0' }).end('{"error":{"message":"overloaded"}}');
      }
      const request = JSON.parse(body);
      let user: string;
      try { user = api.user(request); } catch (err) { return void res.writeHead(400).end(JSON.stringify({ error: { message: (err as Error).message } })); }
      requests.push(request);
      const answer = user.split('[Answer to grade]\n')[1];
      const reference = user.split('[Reference answer]\n')[1].split('\n\n[Answer to grade]')[0];
      const content = answer === 'GARBAGE' ? 'I would say it is fine.' : JSON.stringify({ grade: answer === reference ? 5 : 2, rationale: answer === reference ? 'matches the reference' : 'differs from the reference' });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(api.answer(content)));
    });
  });
  return { server, requests, url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` };
}
