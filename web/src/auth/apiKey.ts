/** Where the API key lives between visits. */
export const KEY_STORAGE_NAME = 'loom.key';

/**
 * Takes `key` out of a location hash such as `#key=abc&x=1`.
 * Returns the key (or null) and the hash that remains (without `#`, possibly empty).
 */
export function takeKeyFromHash(hash: string): { key: string | null; rest: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const key = params.get('key');
  params.delete('key');
  return { key: key && key.trim() ? key.trim() : null, rest: params.toString() };
}

/**
 * On page load: a key in the URL hash wins and is moved to localStorage (and out of the address bar);
 * otherwise the stored key, if any.
 */
export function loadApiKey(win: Window = window): string | null {
  const { key, rest } = takeKeyFromHash(win.location.hash);
  if (key) {
    saveApiKey(key, win.localStorage);
    const { pathname, search } = win.location;
    win.history.replaceState(win.history.state, '', `${pathname}${search}${rest ? `#${rest}` : ''}`);
    return key;
  }
  return readStoredKey(win.localStorage);
}

export function saveApiKey(key: string, storage: Storage = window.localStorage): void {
  try {
    storage.setItem(KEY_STORAGE_NAME, key);
  } catch {
    // Storage may be unavailable (private mode): the key then lives for this page only.
  }
}

export function clearApiKey(storage: Storage = window.localStorage): void {
  try {
    storage.removeItem(KEY_STORAGE_NAME);
  } catch {
    // ignore: see saveApiKey
  }
}

function readStoredKey(storage: Storage): string | null {
  try {
    return storage.getItem(KEY_STORAGE_NAME);
  } catch {
    return null;
  }
}
