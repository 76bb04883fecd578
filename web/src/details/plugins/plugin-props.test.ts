import { describe, expect, it } from 'vitest';
import { pluginProps, propText } from './plugin-props.js';

describe('pluginProps', () => {
  it('groups plugin.<plugin>.<key> props by plugin, both sorted, keys keeping their dots', () => {
    const props = {
      'plugin.engine-tags.engineVersion': '3.5.0', 'plugin.engine-tags.engine': 'spark', 'plugin.data-classification.level': 'confidential',
      'plugin.acme.a.b': 1, 'facets.processing_engine': { name: 'spark' }, name: 'x', 'plugin.acme.gone': null,
    };
    expect(pluginProps(props)).toEqual([
      { plugin: 'acme', props: [{ key: 'a.b', value: 1 }] },
      { plugin: 'data-classification', props: [{ key: 'level', value: 'confidential' }] },
      { plugin: 'engine-tags', props: [{ key: 'engine', value: 'spark' }, { key: 'engineVersion', value: '3.5.0' }] },
    ]);
  });

  it('skips what is not a plugin prop', () => {
    expect(pluginProps({ 'plugin.': 1, 'plugin.x': 1, 'plugin..k': 1, 'plugin.x.': 1, pluginx: 1 })).toEqual([]);
    expect(pluginProps(null)).toEqual([]);
    expect(pluginProps(['plugin.a.b'])).toEqual([]);
  });

  it('shows scalars as they are, anything else as JSON', () => {
    expect([propText('spark'), propText(3), propText(false), propText({ a: 1 })]).toEqual(['spark', '3', 'false', '{"a":1}']);
  });
});
