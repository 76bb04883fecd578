/**
 * Prompt `churn-explainer`: three versions of the prompt the customer-success app uses to explain a
 * churn score (text, then chat messages, then a JSON answer with a retention action), each with its
 * model config and commit message; `production` on v2, `staging` on v3. v2 runs on churn-classifier
 * v2 (the champion), v3 on v3 (the challenger). Versions are immutable: existing ones are skipped.
 */
import type { Services } from '../services.js';
import type { PromptVersionInput } from '../../domain/registry/prompts.service.js';
import { DEMO_MODEL, DEMO_PROMPT, people } from './common.js';

const SYSTEM = 'You are a customer-success analyst at a B2B SaaS company. Be factual, brief and kind; never invent data.';

const VERSIONS: Omit<PromptVersionInput, 'name'>[] = [
  {
    version: 1,
    template: { text: 'Customer {{customer_id}} has a churn probability of {{churn_score}}.\nThe strongest factors are: {{top_features}}.\nExplain in two sentences why this customer may leave.' },
    variables: [{ name: 'customer_id', description: 'CRM customer id' }, { name: 'churn_score', description: 'churn-classifier probability, 0-1' }, { name: 'top_features', description: 'SHAP top-3 features with values' }],
    config: { provider: 'openai', model: 'gpt-4o-mini', temperature: 0.2, max_tokens: 200 },
    commitMessage: 'First explainer: plain text prompt',
    description: 'Explains a churn score to the account manager in the CRM sidebar.',
    tags: [{ key: 'team', value: 'churn-ml' }, { key: 'surface', value: 'crm-sidebar' }],
  },
  {
    version: 2,
    template: {
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: 'Customer {{customer_id}} ({{plan}} plan) has a churn probability of {{churn_score}}.\nTop factors: {{top_features}}.\nExplain the risk in at most three sentences for the account manager.' },
      ],
    },
    variables: [{ name: 'customer_id' }, { name: 'plan', default: 'unknown' }, { name: 'churn_score' }, { name: 'top_features' }],
    config: { provider: 'openai', model: 'gpt-4o-mini', temperature: 0.3, max_tokens: 300 },
    commitMessage: 'Chat format with a system role; add the plan for context',
    labels: ['production'],
    modelVersion: { name: DEMO_MODEL, version: 2 },
  },
  {
    version: 3,
    template: {
      messages: [
        { role: 'system', content: `${SYSTEM} Answer in JSON: {"explanation": string, "action": string}.` },
        { role: 'user', content: 'Customer {{customer_id}} ({{plan}} plan) has a churn probability of {{churn_score}}.\nTop factors: {{top_features}}.\nRecent support tickets: {{recent_tickets}}\nExplain the risk and suggest one retention action.' },
      ],
    },
    variables: [{ name: 'customer_id' }, { name: 'plan', default: 'unknown' }, { name: 'churn_score' }, { name: 'top_features' }, { name: 'recent_tickets', default: 'none' }],
    config: { provider: 'openai', model: 'gpt-4.1-mini', temperature: 0.2, max_tokens: 400, response_format: { type: 'json_object' } },
    commitMessage: 'Suggest a retention action from recent tickets; JSON output; gpt-4.1-mini',
    labels: ['staging'],
    modelVersion: { name: DEMO_MODEL, version: 3 },
  },
];

export async function seedPrompts(services: Services, tenant: string): Promise<void> {
  const { prompts } = services.registry;
  const existing = new Set((await prompts.view(tenant, DEMO_PROMPT))?.versions.map((v) => v.version) ?? []);
  for (const v of VERSIONS) {
    if (existing.has(v.version!)) continue;
    const author = v.labels?.includes('production') ? people.lead(tenant) : people.scientist(tenant);
    await prompts.createVersion(author, { name: DEMO_PROMPT, ...v });
  }
}
