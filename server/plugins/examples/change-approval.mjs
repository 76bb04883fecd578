// A Loom plugin (API: server/src/plugins/plugins.ts): a promotion gate that asks a change management
// service whether a model version's move was approved, e.g. a ticket in ServiceNow or Jira behind a
// small HTTP endpoint. Configure it on a model with setPromotionGates:
//   { kind: PLUGIN, plugin: "change-approval", stages: [Production], params: { url: "https://changes.example/api/approval" } }
// It calls GET <url>?model=<name>&version=<n>&stage=<stage>&alias=<alias>&tenant=<tenant> and expects
// { "approved": true|false, "ticket": "CHG-123", "reason": "..." }. No answer, an error or a timeout
// blocks the promotion (Loom's plugin gates fail closed). LOOM_CHANGE_APPROVAL_URL is the default url,
// LOOM_CHANGE_APPROVAL_TOKEN a bearer token sent with it.

export default {
  name: 'change-approval',
  version: '1.0.0',
  apiVersion: 1,
  setup(loom) {
    loom.promotionGate('change-approval', async (check) => {
      const base = check.params?.url ?? process.env.LOOM_CHANGE_APPROVAL_URL;
      if (typeof base !== 'string' || !/^https?:\/\//.test(base)) throw new Error('params.url: set the approval service URL (http or https) on the gate, or LOOM_CHANGE_APPROVAL_URL');
      const url = new URL(base);
      for (const [k, v] of Object.entries({ model: check.model, version: check.version, stage: check.stage, alias: check.alias, tenant: check.tenant })) {
        if (v !== null && v !== undefined) url.searchParams.set(k, String(v));
      }
      const token = process.env.LOOM_CHANGE_APPROVAL_TOKEN;
      const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(8000) });
      if (!res.ok) throw new Error(`the approval service answered HTTP ${res.status}`);
      const answer = await res.json();
      const ticket = typeof answer.ticket === 'string' ? ` (${answer.ticket})` : '';
      return answer.approved === true
        ? { passed: true, detail: `change approved${ticket}` }
        : { passed: false, detail: `change not approved${ticket}${typeof answer.reason === 'string' ? `: ${answer.reason}` : ''}` };
    }, { description: 'Asks a change management service (params.url) whether the move is approved', timeoutMs: 10_000 });
  },
};
