/** The pages: a path prefix each (sub-paths such as /models/<name> belong to the page). */
import type { ComponentType } from 'react';
import { Explorer } from './Explorer.js';
import { RunsPage } from './pages/runs/RunsPage.js';
import { ModelsPage } from './pages/models/ModelsPage.js';
import { PromptsPage } from './pages/prompts/PromptsPage.js';
import { TracesPage } from './pages/traces/TracesPage.js';
import { GpuPage } from './pages/gpu/GpuPage.js';
import { TrainingPage } from './pages/training/TrainingPage.js';
import { KeysPage } from './pages/keys/KeysPage.js';
import { AlertsPage } from './pages/alerts/AlertsPage.js';
import { ReportsPage } from './pages/reports/ReportsPage.js';
import { FeaturesPage } from './pages/features/FeaturesPage.js';
import { PluginsPage } from './pages/plugins/PluginsPage.js';

export type NavKey = 'lineage' | 'features' | 'runs' | 'models' | 'prompts' | 'traces' | 'gpu' | 'alerts' | 'reports' | 'training' | 'plugins' | 'keys';
/** `adminOnly`: in the navigation of admin keys only (the page itself says so to others). */
export interface Route { key: NavKey; path: string; match: (path: string) => boolean; page: ComponentType; adminOnly?: boolean }

const prefix = (p: string) => (path: string) => path === p || path.startsWith(`${p}/`);

export const NAV: ReadonlyArray<Route> = [
  { key: 'lineage', path: '/lineage', match: (path) => path === '/' || prefix('/lineage')(path), page: Explorer },
  { key: 'features', path: '/features', match: prefix('/features'), page: FeaturesPage },
  { key: 'runs', path: '/runs', match: prefix('/runs'), page: RunsPage },
  { key: 'models', path: '/models', match: prefix('/models'), page: ModelsPage },
  { key: 'prompts', path: '/prompts', match: prefix('/prompts'), page: PromptsPage },
  { key: 'traces', path: '/traces', match: prefix('/traces'), page: TracesPage },
  { key: 'gpu', path: '/gpu', match: prefix('/gpu'), page: GpuPage },
  { key: 'alerts', path: '/alerts', match: prefix('/alerts'), page: AlertsPage },
  { key: 'reports', path: '/reports', match: prefix('/reports'), page: ReportsPage },
  { key: 'training', path: '/training', match: prefix('/training'), page: TrainingPage },
  { key: 'plugins', path: '/plugins', match: prefix('/plugins'), page: PluginsPage },
  { key: 'keys', path: '/keys', match: prefix('/keys'), page: KeysPage, adminOnly: true },
];

/** The page of a path; unknown paths show the explorer (the server sends index.html for any path). */
export function pageFor(path: string): ComponentType {
  return (NAV.find((r) => r.match(path)) ?? NAV[0]).page;
}
