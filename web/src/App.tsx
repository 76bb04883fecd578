import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiContext } from './api/ApiContext.js';
import { createClient } from './api/client.js';
import { clearApiKey, loadApiKey, saveApiKey } from './auth/apiKey.js';
import { SignIn } from './auth/SignIn.js';
import { I18nProvider, defineMessages, useT } from './i18n/i18n.js';
import { pageFor } from './routes.js';
import { Shell } from './shell/Shell.js';
import { useLocation } from './shell/router.js';

const M = defineMessages(
  { rejected: 'The server rejected this API key (401). Please enter a valid key.' },
  { rejected: '服务器拒绝了此 API 密钥（401）。请输入有效的密钥。' },
);
type Reason = keyof typeof M.en;

/** Language for everything; the sign-in form without a key. */
export function App() {
  return (
    <I18nProvider>
      <SignedIn />
    </I18nProvider>
  );
}

/** Holds the API key: the sign-in form without one, the page of the URL with one. */
function SignedIn() {
  const [apiKey, setApiKey] = useState<string | null>(() => loadApiKey());
  const t = useT(M);
  const [message, setMessage] = useState<Reason | null>(null);

  useEffect(() => {
    // A `#key=...` link opened while the app is already running.
    const onHashChange = () => {
      const key = loadApiKey();
      if (key) setApiKey(key);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const signOut = useCallback((reason: Reason | null) => {
    clearApiKey();
    setApiKey(null);
    setMessage(reason);
  }, []);

  const execute = useMemo(
    () => (apiKey ? createClient({ apiKey, onUnauthorized: () => signOut('rejected') }) : null),
    [apiKey, signOut],
  );

  if (!execute) {
    return (
      <SignIn
        message={message && t(message)}
        onSubmit={(key) => {
          saveApiKey(key);
          setMessage(null);
          setApiKey(key);
        }}
      />
    );
  }
  return (
    <ApiContext.Provider value={execute}>
      <Shell onSignOut={() => signOut(null)}>
        <CurrentPage />
      </Shell>
    </ApiContext.Provider>
  );
}

function CurrentPage() {
  const Page = pageFor(useLocation().path);
  return <Page />;
}
