import type { Core } from 'cytoscape';
import type { GraphElements } from '../graph/elements.js';
import { exportFileName, exportView } from '../graph/export.js';
import { defineMessages, useT } from '../i18n/i18n.js';

const M = defineMessages(
  { png: 'Export PNG', json: 'Export JSON', hint: 'Download the current view' },
  { png: '导出 PNG', json: '导出 JSON', hint: '下载当前视图' },
);

interface Props { cy: Core | null; elements: GraphElements | null; rootName: string | null }

/** Downloads the view as drawn: a PNG of the whole graph, or its nodes, edges and positions as JSON. */
export function ExportButtons({ cy, elements, rootName }: Props) {
  const t = useT(M);
  const disabled = !cy || !elements || elements.nodes.length === 0;
  const png = () => {
    if (!cy) return;
    const blob = cy.png({ output: 'blob', full: true, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
    download(blob, exportFileName(rootName, new Date(), 'png'));
  };
  const json = () => {
    if (!cy || !elements) return;
    const positions = Object.fromEntries(cy.nodes().map((n) => [n.id(), n.position()]));
    const view = exportView(elements, positions, { url: window.location.href.split('#')[0], root: elements.nodes[0]?.data.id ?? null, at: new Date() });
    download(new Blob([JSON.stringify(view, null, 2)], { type: 'application/json' }), exportFileName(rootName, new Date(), 'json'));
  };
  return (
    <div className="export-buttons" title={t('hint')}>
      <button type="button" disabled={disabled} onClick={png} data-testid="export-png">{t('png')}</button>
      <button type="button" disabled={disabled} onClick={json} data-testid="export-json">{t('json')}</button>
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
