/**
 * Chinese and English. Each module declares its own messages next to its components with
 * `defineMessages(en, zh)` (the Chinese table must have every English key: the compiler checks) and
 * reads them with `useT(messages)`. The language is switchable, persisted, and set on <html lang>.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'en' | 'zh';
export const LANGS: ReadonlyArray<{ value: Lang; label: string }> = [{ value: 'en', label: 'English' }, { value: 'zh', label: '中文' }];
export const LANG_STORAGE_NAME = 'loom.lang';

export interface Messages<K extends string> { en: Record<K, string>; zh: Record<K, string> }

export function defineMessages<const E extends Record<string, string>>(en: E, zh: { [K in keyof E]: string }): Messages<keyof E & string> {
  return { en, zh } as Messages<keyof E & string>;
}

export type Vars = Record<string, string | number>;
export type Translate<K extends string> = (key: K, vars?: Vars) => string;

/** `{name}` placeholders; `{n, plural, one {…} other {…}}` is not needed: messages say "{n} nodes" in both languages. */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}

/** The language of a browser's preference list: Chinese when it comes first, else English. */
export function preferredLang(stored: string | null, languages: ReadonlyArray<string>): Lang {
  if (stored === 'en' || stored === 'zh') return stored;
  return languages[0]?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

interface LangState { lang: Lang; setLang: (lang: Lang) => void }
const LangContext = createContext<LangState>({ lang: 'en', setLang: () => undefined });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => preferredLang(safeStorage()?.getItem(LANG_STORAGE_NAME) ?? null, navigator.languages ?? [navigator.language]));
  const setLang = useCallback((next: Lang) => {
    safeStorage()?.setItem(LANG_STORAGE_NAME, next);
    setLangState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  return useContext(LangContext);
}

/** The translate function of one module's messages in the current language. */
export function useT<K extends string>(messages: Messages<K>): Translate<K> {
  const { lang } = useLang();
  return useCallback((key: K, vars?: Vars) => format(messages[lang][key] ?? messages.en[key] ?? key, vars), [messages, lang]);
}

/** Locale-aware numbers and dates for the current language. */
export function useFormat(): { number: (n: number, digits?: number) => string; dateTime: (iso: string | null | undefined) => string; locale: string } {
  const { lang } = useLang();
  return useMemo(() => {
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    return {
      locale,
      number: (n, digits = 2) => (Number.isFinite(n) ? n.toLocaleString(locale, { maximumFractionDigits: digits }) : '–'),
      dateTime: (iso) => {
        if (!iso) return '–';
        const d = new Date(iso);
        if (Number.isNaN(d.getTime())) return iso;
        // English: year first (2026-03-02 02:00:31), which no reader takes for another day: the browser's own
        // date fields follow its locale (03/02/2026 in the US), and a British 02/03/2026 beside them read as 3 February.
        return lang === 'zh' ? d.toLocaleString(locale) : yearFirst(d);
      },
    };
  }, [lang]);
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Local time as `2026-03-02 02:00:31`. */
const yearFirst = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
