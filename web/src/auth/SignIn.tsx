import { useState, type FormEvent } from 'react';
import { LANGS, defineMessages, useLang, useT, type Lang } from '../i18n/i18n.js';

const M = defineMessages(
  { intro: 'Enter an API key to explore the lineage graph.', key: 'API key', signIn: 'Sign in', language: 'Language' },
  { intro: '输入 API 密钥以浏览血缘图。', key: 'API 密钥', signIn: '登录', language: '语言' },
);

interface Props {
  message: string | null;
  onSubmit: (key: string) => void;
}

/** Asks for an API key when none is known or the last one was rejected. */
export function SignIn({ message, onSubmit }: Props) {
  const t = useT(M);
  const { lang, setLang } = useLang();
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) onSubmit(value.trim());
  };
  return (
    <main className="sign-in">
      <form onSubmit={submit} data-testid="sign-in-form">
        <h1>Loom</h1>
        <select className="lang" aria-label={t('language')} value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
          {LANGS.map((l) => <option key={l.value} value={l.value}>{l.label}</option>)}
        </select>
        <p>{t('intro')}</p>
        {message && <p className="error" role="alert">{message}</p>}
        <label htmlFor="api-key">{t('key')}</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          autoFocus
          value={value}
          onChange={(event) => setValue(event.target.value)}
          data-testid="api-key-input"
        />
        <button type="submit" disabled={!value.trim()} data-testid="sign-in-submit">{t('signIn')}</button>
      </form>
    </main>
  );
}
