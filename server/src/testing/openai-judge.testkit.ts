import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in of the OpenAI chat completions API, as far as Loom's LLM judge uses it (tests only):
 * grade 5 when the answer equals the reference, 2 otherwise; the answer "GARBAGE" gets prose instead of
 * JSON; with `refuseFirst` the first call is refused as overloaded (503), as a real API does under load.
 */
export function openAiJudgeStandIn(key: string, opts: { refuseFirst?: boolean } = { refuseFirst: true }) {
  const requests: any[] = [];
  let refusedOnce = !opts.refuseFirst;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url !== '/v1/chat/completions' || req.headers.authorization !== `Bearer ${key}`) return void res.writeHead(401).end('{"error":{"message":"bad key"}}');
      if (!refusedOnce) { // the first call is refused as overloaded: the judge client must try again
        refusedOnce = true;
        return void res.writeHead(503, { 'retry-after': '0' }).end('{"error":{"message":"overloaded"}}');
      }
      const request = JSON.parse(body);
      requests.push(request);
      const user: string = request.messages[1].content;
      const answer = user.split('[Answer to grade]\n')[1];
      const reference = user.split('[Reference answer]\n')[1].split('\n\n[Answer to grade]')[0];
      const content = answer === 'GARBAGE' ? 'I would say it is fine.' : JSON.stringify({ grade: answer === reference ? 5 : 2, rationale: answer === reference ? 'matches the reference' : 'differs from the reference' });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'c1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage: { prompt_tokens: 25, completion_tokens: 5, total_tokens: 30 } }));
    });
  });
  return { server, requests, url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` };
}
