import type { Core } from 'cytoscape';
import type { GraphElements } from '../graph/elements.js';
import { exportFileName, exportView, type ExportExt } from '../graph/export.js';
import { toDot, toEdgeCsv, toGraphML } from '../graph/export-formats.js';
import type { Positions } from '../graph/layout.js';
import { defineMessages, useT } from '../i18n/i18n.js';

const M = defineMessages(
  {
    export: 'Export', hint: 'Download the current view', as: 'Export {format}',
    png: 'An image of the whole graph', json: 'Nodes, edges and positions, for Loom and scripts',
    graphml: 'For yEd, Gephi or Cytoscape desktop', dot: 'For Graphviz', csv: 'One row per edge, for spreadsheets and audits',
  },
  {
    export: '导出', hint: '下载当前视图', as: '导出 {format}',
    png: '整张图的图片', json: '节点、边与位置，供 Loom 与脚本使用',
    graphml: '用于 yEd、Gephi 或 Cytoscape 桌面版', dot: '用于 Graphviz', csv: '每条边一行，用于电子表格与审计',
  },
);

/** The formats, as labelled on their buttons (file format names: the same in every language). */
const FORMATS: ReadonlyArray<{ ext: ExportExt; label: string }> = [
  { ext: 'png', label: 'PNG' }, { ext: 'json', label: 'JSON' }, { ext: 'graphml', label: 'GraphML' }, { ext: 'dot', label: 'DOT' }, { ext: 'csv', label: 'CSV' },
];

/** The text formats: each file's type and its text, from the view's elements and drawn positions. */
const TEXT: Record<Exclude<ExportExt, 'png'>, { type: string; render: (elements: GraphElements, positions: Positions) => string }> = {
  json: {
    type: 'application/json',
    render: (elements, positions) => JSON.stringify(exportView(elements, positions, { url: window.location.href.split('#')[0], root: elements.nodes[0]?.data.id ?? null, at: new Date() }), null, 2),
  },
  graphml: { type: 'application/graphml+xml', render: toGraphML },
  dot: { type: 'text/vnd.graphviz', render: toDot },
  csv: { type: 'text/csv;charset=utf-8', render: toEdgeCsv },
};

interface Props { cy: Core | null; elements: GraphElements | null; rootName: string | null }

/** Downloads the view as drawn: a PNG of the whole graph, or its nodes and edges as JSON, GraphML, DOT or a CSV of edges. */
export function ExportButtons({ cy, elements, rootName }: Props) {
  const t = useT(M);
  const disabled = !cy || !elements || elements.nodes.length === 0;
  const save = (ext: ExportExt) => {
    if (!cy || !elements) return;
    const name = exportFileName(rootName, new Date(), ext);
    if (ext === 'png') return download(cy.png({ output: 'blob', full: true, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 }), name);
    const positions = Object.fromEntries(cy.nodes().map((n) => [n.id(), n.position()]));
    const { type, render } = TEXT[ext];
    download(new Blob([render(elements, positions)], { type }), name);
  };
  return (
    <div className="export-buttons" role="group" aria-label={t('hint')} title={t('hint')}>
      <span className="export-label">{t('export')}</span>
      <div className="segmented">
        {FORMATS.map(({ ext, label }) => (
          <button key={ext} type="button" disabled={disabled} onClick={() => save(ext)} data-testid={`export-${ext}`}
            aria-label={t('as', { format: label })} title={t(ext)}>
            {label}
          </button>
        ))}
      </div>
    </div>
  );
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
