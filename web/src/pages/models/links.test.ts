import { describe, expect, it } from 'vitest';
import { lineagePath, modelPath, pathRest } from './links.js';

describe('page paths', () => {
  it('reads the name after a page prefix, decoded, without slashes around it', () => {
    expect(pathRest('/models', '/models')).toBe('');
    expect(pathRest('/models/', '/models')).toBe('');
    expect(pathRest('/models/fraud-detector/', '/models')).toBe('fraud-detector');
    expect(pathRest(modelPath('team/churn v2'), '/models')).toBe('team/churn v2');
    expect(pathRest('/models/bad%E0%A4%A', '/models')).toBe('bad%E0%A4%A');
  });

  it('links to the lineage of a node by its id', () => {
    expect(lineagePath('model:registry:churn@2')).toBe('/lineage?node=model%3Aregistry%3Achurn%402');
  });
});
