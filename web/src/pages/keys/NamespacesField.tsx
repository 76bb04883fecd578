/**
 * The create form's "Limit to namespaces" field (editor keys): comma-separated, with the tenant's
 * namespaces offered as suggestions, read when the field is shown.
 */
import { useMemo } from 'react';
import { SearchNodesDocument } from '../../api/documents.js';
import { useQuery } from '../../api/useQuery.js';
import type { NodeKind } from '../../gql/graphql.js';
import { useT } from '../../i18n/i18n.js';
import { M } from './messages.js';
import { namespaceSuggestions } from './namespaces.js';

// Every namespace's id starts `namespace:` (an empty text is not matched by every engine); search answers at most 100.
const NAMESPACES = { text: 'namespace:', kinds: ['Namespace'] as NodeKind[], first: 100 };
export const NAMESPACES_HINT_ID = 'key-namespaces-hint';

export function NamespacesField({ value, onChange, invalid }: { value: string; onChange: (value: string) => void; invalid: boolean }) {
  const t = useT(M);
  const { data } = useQuery(SearchNodesDocument, NAMESPACES);
  const known = useMemo(() => (data?.search ?? []).map((n) => n.name).sort(), [data]);
  return (
    <div className={invalid ? 'field grow invalid' : 'field grow'}>
      <label htmlFor="key-namespaces">{t('namespaces')}</label>
      <input
        id="key-namespaces" data-testid="key-namespaces" list="key-namespaces-known" value={value} placeholder={t('namespacesPlaceholder')}
        aria-describedby={NAMESPACES_HINT_ID} aria-invalid={invalid || undefined} autoComplete="off" onChange={(e) => onChange(e.target.value)}
      />
      <datalist id="key-namespaces-known">{namespaceSuggestions(value, known).map((v) => <option key={v} value={v} />)}</datalist>
    </div>
  );
}
