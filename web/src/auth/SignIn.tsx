import { useState, type FormEvent } from 'react';

interface Props {
  message: string | null;
  onSubmit: (key: string) => void;
}

/** Asks for an API key when none is known or the last one was rejected. */
export function SignIn({ message, onSubmit }: Props) {
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) onSubmit(value.trim());
  };
  return (
    <main className="sign-in">
      <form onSubmit={submit} data-testid="sign-in-form">
        <h1>Loom</h1>
        <p>Enter an API key to explore the lineage graph.</p>
        {message && <p className="error" role="alert">{message}</p>}
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          autoFocus
          value={value}
          onChange={(event) => setValue(event.target.value)}
          data-testid="api-key-input"
        />
        <button type="submit" disabled={!value.trim()}>Sign in</button>
      </form>
    </main>
  );
}
