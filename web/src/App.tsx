import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiContext } from './api/ApiContext.js';
import { createClient } from './api/client.js';
import { clearApiKey, loadApiKey, saveApiKey } from './auth/apiKey.js';
import { SignIn } from './auth/SignIn.js';
import { Explorer } from './Explorer.js';

const REJECTED = 'The server rejected this API key (401). Please enter a valid key.';

/** Holds the API key: the sign-in form without one, the explorer with one. */
export function App() {
  const [apiKey, setApiKey] = useState<string | null>(() => loadApiKey());
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    // A `#key=...` link opened while the app is already running.
    const onHashChange = () => {
      const key = loadApiKey();
      if (key) setApiKey(key);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const signOut = useCallback((reason: string | null) => {
    clearApiKey();
    setApiKey(null);
    setMessage(reason);
  }, []);

  const execute = useMemo(
    () => (apiKey ? createClient({ apiKey, onUnauthorized: () => signOut(REJECTED) }) : null),
    [apiKey, signOut],
  );

  if (!execute) {
    return (
      <SignIn
        message={message}
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
      <Explorer onSignOut={() => signOut(null)} />
    </ApiContext.Provider>
  );
}
