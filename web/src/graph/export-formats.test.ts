// @vitest-environment jsdom
// jsdom's DOMParser parses XML strictly (saxes): a GraphML it accepts is well-formed.
import { describe, expect, it } from 'vitest';
import { toElements, type GraphElements } from './elements.js';
import { EDGE_CSV_HEADER, csvField, dotQuote, toDot, toEdgeCsv, toGraphML, xmlEscape } from './export-formats.js';
import { exportView, viewGraph } from './export.js';

const node = (id: string, kind = 'Dataset', namespace = 'ns', name = id) => ({ id, kind, namespace, name });

/** A job reading a table and writing a file, 5 runs drawn as a cluster, and an "N more" placeholder. */
function view(): GraphElements {
  return toElements({
    root: node('job:etl:load', 'Job', 'etl', 'load'),
    nodes: [
      { node: node('dataset:pg:t', 'Dataset', 'pg', 't'), distance: 1 },
      { node: node('dataset:s3:f', 'Dataset', 's3', 'f'), distance: 1 },
      { node: node('cluster:Run|etl', 'Cluster', 'etl', '5 Run'), distance: 1 },
      { node: node('more:down:dataset:s3:f', 'More', '', '40'), distance: 2 },
    ],
    edges: [
      { kind: 'INPUT_TO', from: 'dataset:pg:t', to: 'job:etl:load' }, { kind: 'OUTPUT', from: 'job:etl:load', to: 'dataset:s3:f' },
      { kind: 'RAN', from: 'job:etl:load', to: 'cluster:Run|etl' }, { kind: 'More', from: 'dataset:s3:f', to: 'more:down:dataset:s3:f' },
    ],
  });
}

/** A name with every character that needs care: markup, quotes, tab, line breaks, a C0 control, a lone surrogate, an emoji. */
const NASTY = 'a&b<c>"d\'e\tf\ng\r\nh\u0001i\uD800j😀';
function nastyView(): GraphElements {
  return toElements({
    root: node('dataset:s3://x:a&b<c>', 'Dataset', 's3://x', NASTY),
    nodes: [{ node: node('job:"q":\\j', 'Job', 'ns"1', '=cmd|calc'), distance: 1 }],
    edges: [{ kind: 'OUTPUT', from: 'job:"q":\\j', to: 'dataset:s3://x:a&b<c>' }],
  });
}

function parseXml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return doc;
}

/** Each GraphML node or edge as `{ id, source?, target?, <attr.name>: value }`, read back through the key declarations. */
function readGraphML(text: string) {
  const doc = parseXml(text);
  const keys = new Map([...doc.getElementsByTagName('key')].map((k) => [k.getAttribute('id')!, k.getAttribute('attr.name')!]));
  const read = (el: Element) => Object.fromEntries([
    ...['id', 'source', 'target'].filter((a) => el.hasAttribute(a)).map((a) => [a, el.getAttribute(a)!]),
    ...[...el.getElementsByTagName('data')].map((d) => [keys.get(d.getAttribute('key')!)!, d.textContent!]),
  ]);
  return { doc, nodes: [...doc.getElementsByTagName('node')].map(read), edges: [...doc.getElementsByTagName('edge')].map(read) };
}

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF rows) to read the CSV back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  expect(field).toBe(''); // the text ends with a line break
  return rows;
}

describe('viewGraph', () => {
  it('leaves "N more" placeholders and their edges out, keeps clusters', () => {
    const { nodes, edges } = viewGraph(view());
    expect(nodes.map((n) => n.data.id)).toEqual(['job:etl:load', 'cluster:Run|etl', 'dataset:pg:t', 'dataset:s3:f']);
    expect(edges.map((e) => e.data.kind).sort()).toEqual(['INPUT_TO', 'OUTPUT', 'RAN']);
  });

  it('is the JSON export\'s view too: its clusters and their edges (it left them out)', () => {
    const json = exportView(view(), {}, { url: 'u', root: null, at: new Date(0) });
    expect(json.nodes.map((n) => n.id)).toEqual(viewGraph(view()).nodes.map((n) => n.data.id));
    expect(json.edges).toHaveLength(viewGraph(view()).edges.length);
    expect(json.nodes.find((n) => n.kind === 'Cluster')).toMatchObject({ id: 'cluster:Run|etl', members: 5 });
    expect(json.hidden.map((h) => h.placeholder)).not.toContain('cluster:Run|etl');
  });
});

describe('toGraphML', () => {
  it('declares the attributes and writes one node per drawn node and one edge per edge, directed', () => {
    const { doc, nodes, edges } = readGraphML(toGraphML(view(), { 'job:etl:load': { x: 10.04, y: -2 }, 'dataset:pg:t': { x: -230, y: 0 } }));
    expect(doc.documentElement.nodeName).toBe('graphml');
    expect(doc.documentElement.namespaceURI).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(doc.getElementsByTagName('graph')[0].getAttribute('edgedefault')).toBe('directed');
    expect([...doc.getElementsByTagName('key')].map((k) => `${k.getAttribute('for')}:${k.getAttribute('attr.name')}:${k.getAttribute('attr.type')}`)).toEqual([
      'node:kind:string', 'node:namespace:string', 'node:name:string', 'node:distance:int', 'node:members:int', 'node:x:double', 'node:y:double', 'edge:kind:string',
    ]);
    expect(nodes).toEqual([
      { id: 'job:etl:load', kind: 'Job', namespace: 'etl', name: 'load', distance: '0', x: '10', y: '-2' },
      { id: 'cluster:Run|etl', kind: 'Cluster', namespace: 'etl', name: '5 Run', distance: '1', members: '5' },
      { id: 'dataset:pg:t', kind: 'Dataset', namespace: 'pg', name: 't', distance: '1', x: '-230', y: '0' },
      { id: 'dataset:s3:f', kind: 'Dataset', namespace: 's3', name: 'f', distance: '1' },
    ]);
    expect(edges).toEqual(expect.arrayContaining([
      { id: 'INPUT_TO:dataset:pg:t->job:etl:load', source: 'dataset:pg:t', target: 'job:etl:load', kind: 'INPUT_TO' },
      { id: 'RAN:job:etl:load->cluster:Run|etl', source: 'job:etl:load', target: 'cluster:Run|etl', kind: 'RAN' },
    ]));
    expect(edges).toHaveLength(3);
  });

  it('stays well-formed whatever the names hold: markup and whitespace escaped, characters XML forbids dropped', () => {
    const { nodes, edges } = readGraphML(toGraphML(nastyView(), {}));
    expect(nodes[0]).toMatchObject({ id: 'dataset:s3://x:a&b<c>', name: 'a&b<c>"d\'e\tf\ng\r\nhij😀' });
    expect(nodes[1]).toMatchObject({ id: 'job:"q":\\j', namespace: 'ns"1', name: '=cmd|calc' });
    expect(edges[0]).toMatchObject({ source: 'job:"q":\\j', target: 'dataset:s3://x:a&b<c>' });
  });

  it('escapes text for content and attributes alike', () => {
    expect(xmlEscape(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
    expect(xmlEscape('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(xmlEscape('\u0000\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uDFFF ok 😀 中文')).toBe(' ok 😀 中文');
  });
});

describe('toDot', () => {
  it('writes a left-to-right digraph: quoted ids, nodes labelled with name and kind, edges with their kind', () => {
    expect(toDot(view())).toBe([
      'digraph lineage {',
      '  rankdir=LR;',
      '  node [shape=box, style=rounded, fontname="Helvetica"];',
      '  edge [fontname="Helvetica", fontsize=10];',
      '  "job:etl:load" [label="load\\nJob", tooltip="etl", penwidth=2];',
      '  "cluster:Run|etl" [label="5 Run\\nCluster", tooltip="etl", style="rounded,dashed"];',
      '  "dataset:pg:t" [label="t\\nDataset", tooltip="pg"];',
      '  "dataset:s3:f" [label="f\\nDataset", tooltip="s3"];',
      '  "dataset:pg:t" -> "job:etl:load" [label="INPUT_TO"];',
      '  "job:etl:load" -> "dataset:s3:f" [label="OUTPUT"];',
      '  "job:etl:load" -> "cluster:Run|etl" [label="RAN"];',
      '}',
      '',
    ].join('\n'));
  });

  it('escapes quotes and backslashes, writes line breaks as \\n and drops control characters', () => {
    expect(dotQuote('say "hi"\\')).toBe('"say \\"hi\\"\\\\"');
    expect(dotQuote('a\nb\r\nc\rd\te\u0001f')).toBe('"a\\nb\\nc\\nd ef"');
    const dot = toDot(nastyView());
    expect(dot).toContain('"job:\\"q\\":\\\\j" -> "dataset:s3://x:a&b<c>" [label="OUTPUT"];');
    expect(dot).toContain('[label="a&b<c>\\"d\'e f\\ng\\nhij😀\\nDataset"');
    // No quoted string is left open: every line has an even number of unescaped quotes.
    for (const line of dot.split('\n')) expect(line.replace(/\\\\|\\"/g, '').split('"').length % 2).toBe(1);
  });
});

describe('toEdgeCsv', () => {
  it('has the header and one row per edge with both ends described', () => {
    const rows = readCsv(toEdgeCsv(view()));
    expect(rows[0]).toEqual([...EDGE_CSV_HEADER]);
    expect(rows.slice(1)).toEqual([
      ['dataset:pg:t', 'Dataset', 'pg', 't', 'INPUT_TO', 'job:etl:load', 'Job', 'etl', 'load'],
      ['job:etl:load', 'Job', 'etl', 'load', 'OUTPUT', 'dataset:s3:f', 'Dataset', 's3', 'f'],
      ['job:etl:load', 'Job', 'etl', 'load', 'RAN', 'cluster:Run|etl', 'Cluster', 'etl', '5 Run'],
    ]);
  });

  it('quotes per RFC 4180 and defuses formulas', () => {
    const csv = toEdgeCsv(nastyView());
    expect(csv.split('\r\n')[0]).toBe(EDGE_CSV_HEADER.join(','));
    const rows = readCsv(csv);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(['job:"q":\\j', 'Job', 'ns"1', "'=cmd|calc", 'OUTPUT', 'dataset:s3://x:a&b<c>', 'Dataset', 's3://x', NASTY]);
  });

  it('quotes fields with a comma, quote, CR or LF and prefixes ones a spreadsheet would run', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\r=x')).toBe('"\'\r=x"');
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('')).toBe('');
  });
});
