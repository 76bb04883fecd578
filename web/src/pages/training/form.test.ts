import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, addLine, fieldOfError, joinArgs, listItems, newRequestId, splitArgs, toRequest } from './form.js';

describe('splitArgs', () => {
  it('splits like a shell: quotes, escapes, runs of spaces', () => {
    expect(splitArgs(`node -e "console.log('hello world')"`)).toEqual(['node', '-e', "console.log('hello world')"]);
    expect(splitArgs(`  python  train.py --lr 0.1 `)).toEqual(['python', 'train.py', '--lr', '0.1']);
    expect(splitArgs(`echo 'a "b"' "c \\"d\\"" e\\ f ''`)).toEqual(['echo', 'a "b"', 'c "d"', 'e f', '']);
    expect(splitArgs('')).toEqual([]);
    expect(splitArgs(`echo "open`)).toBeNull();
  });
});

describe('toRequest', () => {
  it('builds the request from the typed fields', () => {
    const res = toRequest({
      ...EMPTY_FORM, name: ' smoke ', experiment: 'churn', image: 'python:3.12-slim', command: `node -e "console.log(1)"`, args: '--epochs 3',
      env: 'SEED=42\n\nMODE=a=b', gpu: '1', gpuType: 'NVIDIA-A100', workers: '4', datasets: 'dataset:a, dataset:b\ndataset:c', featureGroups: 'dataset:fs:customers', retries: '2', timeoutSeconds: '', priority: 'HIGH',
    }, 'req-1');
    expect(res).toEqual({ input: {
      requestId: 'req-1', name: 'smoke', experiment: 'churn', image: 'python:3.12-slim', command: ['node', '-e', 'console.log(1)'], args: ['--epochs', '3'],
      env: [{ name: 'SEED', value: '42' }, { name: 'MODE', value: 'a=b' }], resources: { cpu: '1', memory: '2Gi', gpu: 1, gpuType: 'NVIDIA-A100' }, workers: 4,
      inputs: { datasets: ['dataset:a', 'dataset:b', 'dataset:c'], featureGroups: ['dataset:fs:customers'] }, retries: 2, timeoutSeconds: null, priority: 'HIGH',
    } });
  });
  it('names every wrong field before sending', () => {
    const res = toRequest({ ...EMPTY_FORM, image: ' ', command: 'echo "x', env: 'OK=1\nbroken', gpu: 'two', workers: '1.5', retries: '-1' }, 'r');
    expect(res).toEqual({ problems: { image: { key: 'required' }, command: { key: 'quotes' }, env: { key: 'envLine', vars: { line: 2 } }, gpu: { key: 'integer' }, workers: { key: 'integer' }, retries: { key: 'integer' } } });
  });
});

describe('fieldOfError', () => {
  it('maps server field paths to form fields', () => {
    expect(fieldOfError('input.resources.gpu: quota exceeded: tenant demo may hold 0 GPU(s)')).toBe('gpu');
    expect(fieldOfError('input.resources.gpuType: needs resources.gpu of at least 1')).toBe('gpuType');
    expect(fieldOfError('input.env[0].name: LOOM_URL is set by Loom')).toBe('env');
    expect(fieldOfError('input.inputs.datasets[1]: dataset:x not found')).toBe('datasets');
    expect(fieldOfError('input.image: must be a container image reference')).toBe('image');
    expect(fieldOfError('input.workers: must be an integer 1..64')).toBe('workers');
    expect(fieldOfError('training dispatch is not configured')).toBeNull();
  });
});

describe('newRequestId', () => {
  it('is a valid, fresh request id', () => {
    const a = newRequestId();
    expect(a).toMatch(/^web-[0-9a-f]{24}$/);
    expect(newRequestId()).not.toBe(a);
  });
});

describe('joinArgs', () => {
  it('quotes only what needs it, and splitArgs reads it back', () => {
    const words = ['node', '-e', "console.log('hi there')", 'say "$HOME"', ''];
    expect(joinArgs(words)).toBe(`node -e "console.log('hi there')" 'say "$HOME"' ""`);
    expect(splitArgs(joinArgs(words))).toEqual(words);
  });
});

describe('dataset list field', () => {
  it('adds an id on its own line once', () => {
    expect(addLine('', 'dataset:a')).toBe('dataset:a');
    expect(addLine('dataset:a  \n', 'dataset:b')).toBe('dataset:a\ndataset:b');
    expect(addLine('dataset:a, dataset:b', 'dataset:b')).toBe('dataset:a, dataset:b');
    expect(listItems(' a ,b\n\nc')).toEqual(['a', 'b', 'c']);
  });
});
