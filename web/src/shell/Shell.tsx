import type { ReactNode } from 'react';
import { LANGS, defineMessages, useLang, useT, type Lang } from '../i18n/i18n.js';
import { ViewerBadge, ViewerContext } from '../ViewerBadge.js';
import { Link, useLocation } from './router.js';
import { NAV } from '../routes.js';
import { ViewerDocument } from '../api/documents.js';
import { useQuery } from '../api/useQuery.js';

const NO_VARIABLES = {};

const M = defineMessages(
  { lineage: 'Lineage', features: 'Features', runs: 'Runs', models: 'Models', prompts: 'Prompts', traces: 'Traces', gpu: 'GPUs', alerts: 'Alerts', reports: 'Reports', training: 'Training', plugins: 'Plugins', keys: 'API keys', signOut: 'Sign out', language: 'Language' },
  { lineage: '血缘', features: '特征', runs: '运行', models: '模型', prompts: '提示词', traces: '调用链', gpu: 'GPU', alerts: '告警', reports: '报告', training: '训练', plugins: '插件', keys: 'API 密钥', signOut: '退出', language: '语言' },
);

/** The frame of every page: brand, navigation, language, who is signed in. */
export function Shell({ onSignOut, children }: { onSignOut: () => void; children: ReactNode }) {
  const t = useT(M);
  const { lang, setLang } = useLang();
  const { path } = useLocation();
  // Asked once for every page (a 401 returns to sign-in, so this also checks the key on load).
  const viewer = useQuery(ViewerDocument, NO_VARIABLES).data?.viewer ?? null;
  const admin = viewer?.role.toLowerCase() === 'admin';
  return (
    <ViewerContext.Provider value={viewer}>
      <div className="shell">
        <header className="top-bar">
          <Link to="/" className="brand">Loom</Link>
          <nav className="nav" data-testid="nav">
            {NAV.filter((item) => !item.adminOnly || admin).map((item) => (
              <Link key={item.path} to={item.path} data-testid={`nav-${item.key}`} className={item.match(path) ? 'active' : undefined} aria-current={item.match(path) ? 'page' : undefined}>
                {t(item.key)}
              </Link>
            ))}
          </nav>
          <ViewerBadge />
          <select className="lang" aria-label={t('language')} data-testid="lang-select" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            {LANGS.map((l) => <option key={l.value} value={l.value}>{l.label}</option>)}
          </select>
          <button type="button" className="link" onClick={onSignOut}>{t('signOut')}</button>
        </header>
        <div className="page">{children}</div>
      </div>
    </ViewerContext.Provider>
  );
}
