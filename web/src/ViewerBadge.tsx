import { createContext, useContext } from 'react';
import type { ViewerQuery } from './gql/graphql.js';
import { defineMessages, useT } from './i18n/i18n.js';

const M = defineMessages(
  { hint: 'Tenant and role of this API key', admin: 'admin', editor: 'editor', viewer: 'viewer' },
  { hint: '此 API 密钥的租户和角色', admin: '管理员', editor: '编辑者', viewer: '查看者' },
);

export type Viewer = ViewerQuery['viewer'];
/** Who the API key belongs to, read once by the shell (null while it loads); pages read it here. */
export const ViewerContext = createContext<Viewer | null>(null);
export const useViewer = (): Viewer | null => useContext(ViewerContext);
/** A view of the past (the lineage map `as of` a time): what it shows offers no change, whatever the key may do. */
export const PastView = createContext(false);
/** Whether the signed-in key may write (editor, admin), as the server's requireWrite decides; never in a PastView. */
export function useCanWrite(): boolean {
  const role = useViewer()?.role.toLowerCase();
  return !useContext(PastView) && (role === 'admin' || role === 'editor');
}
/** Whether the signed-in key is an admin's (keys, notifications, promotion gates), as the server's requireAdmin decides. */
export function useIsAdmin(): boolean {
  return useViewer()?.role.toLowerCase() === 'admin';
}

/** Who the API key belongs to. */
export function ViewerBadge() {
  const t = useT(M);
  const viewer = useViewer();
  if (!viewer) return null;
  const role = viewer.role.toLowerCase();
  return (
    <span className="viewer" data-testid="viewer" title={t('hint')}>
      {viewer.tenant} · {role === 'admin' || role === 'editor' || role === 'viewer' ? t(role) : viewer.role}
    </span>
  );
}
