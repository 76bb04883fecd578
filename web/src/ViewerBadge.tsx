import { ViewerDocument } from './api/documents.js';
import { useQuery } from './api/useQuery.js';

const NO_VARIABLES = {};

/** Who the API key belongs to; asking on load also checks the key (a 401 returns to sign-in). */
export function ViewerBadge() {
  const { data } = useQuery(ViewerDocument, NO_VARIABLES);
  if (!data) return null;
  return (
    <span className="viewer" data-testid="viewer" title="Tenant and role of this API key">
      {data.viewer.tenant} · {data.viewer.role}
    </span>
  );
}
