import { ViewerDocument } from './api/documents.js';
import { useQuery } from './api/useQuery.js';
import { defineMessages, useT } from './i18n/i18n.js';

const M = defineMessages(
  { hint: 'Tenant and role of this API key', admin: 'admin', editor: 'editor', viewer: 'viewer' },
  { hint: '此 API 密钥的租户和角色', admin: '管理员', editor: '编辑者', viewer: '查看者' },
);
const NO_VARIABLES = {};

/** Who the API key belongs to; asking on load also checks the key (a 401 returns to sign-in). */
export function ViewerBadge() {
  const t = useT(M);
  const { data } = useQuery(ViewerDocument, NO_VARIABLES);
  if (!data) return null;
  const role = data.viewer.role.toLowerCase();
  return (
    <span className="viewer" data-testid="viewer" title={t('hint')}>
      {data.viewer.tenant} · {role === 'admin' || role === 'editor' || role === 'viewer' ? t(role) : data.viewer.role}
    </span>
  );
}
