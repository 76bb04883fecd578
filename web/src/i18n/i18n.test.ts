import { describe, expect, it } from 'vitest';
import { defineMessages, format, preferredLang } from './i18n.js';

describe('i18n', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{n} nodes in {kind}', { n: 3, kind: 'Dataset' })).toBe('3 nodes in Dataset');
    expect(format('{missing} stays', { n: 1 })).toBe('{missing} stays');
  });

  it('prefers the stored language, then the browser’s first', () => {
    expect(preferredLang('zh', ['en-US'])).toBe('zh');
    expect(preferredLang(null, ['zh-CN', 'en'])).toBe('zh');
    expect(preferredLang(null, ['en-GB', 'zh'])).toBe('en');
    expect(preferredLang('fr', [])).toBe('en');
  });

  it('keeps both tables', () => {
    const m = defineMessages({ hello: 'Hello {name}' }, { hello: '你好 {name}' });
    expect(format(m.zh.hello, { name: 'Loom' })).toBe('你好 Loom');
  });
});
