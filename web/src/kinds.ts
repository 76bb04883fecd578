import type { NodeKind } from './gql/graphql.js';

/** Cytoscape node shapes used by Loom (a subset of cytoscape's `NodeShape`). */
export type KindShape =
  | 'ellipse' | 'pentagon' | 'rectangle' | 'round-rectangle' | 'barrel' | 'diamond' | 'round-diamond' | 'hexagon'
  | 'round-hexagon' | 'concave-hexagon' | 'octagon' | 'round-pentagon' | 'tag' | 'round-tag' | 'star'
  | 'triangle' | 'round-triangle' | 'cut-rectangle';

export interface KindStyle { color: string; shape: KindShape; label: string }

/** One entry per kind: a new kind in the schema fails the build here until it gets a style. */
export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  Tenant: { color: '#4b5563', shape: 'octagon', label: 'Tenant' },
  ApiKey: { color: '#9ca3af', shape: 'tag', label: 'API key' },
  Namespace: { color: '#64748b', shape: 'round-rectangle', label: 'Namespace' },
  Dataset: { color: '#2563eb', shape: 'barrel', label: 'Dataset' },
  DatasetVersion: { color: '#60a5fa', shape: 'barrel', label: 'Dataset version' },
  Field: { color: '#93c5fd', shape: 'rectangle', label: 'Field' },
  Job: { color: '#d97706', shape: 'ellipse', label: 'Job' },
  JobVersion: { color: '#fbbf24', shape: 'ellipse', label: 'Job version' },
  Run: { color: '#ea580c', shape: 'round-pentagon', label: 'Run' },
  Experiment: { color: '#fb923c', shape: 'pentagon', label: 'Experiment' },
  Model: { color: '#7c3aed', shape: 'round-diamond', label: 'Model' },
  ModelVersion: { color: '#a78bfa', shape: 'diamond', label: 'Model version' },
  FeatureGroup: { color: '#059669', shape: 'hexagon', label: 'Feature group' },
  Feature: { color: '#34d399', shape: 'round-hexagon', label: 'Feature' },
  Prompt: { color: '#db2777', shape: 'round-tag', label: 'Prompt' },
  PromptVersion: { color: '#f472b6', shape: 'round-tag', label: 'Prompt version' },
  Trace: { color: '#0891b2', shape: 'concave-hexagon', label: 'Trace' },
  Evaluation: { color: '#ca8a04', shape: 'star', label: 'Evaluation' },
  QualityRule: { color: '#dc2626', shape: 'round-triangle', label: 'Quality rule' },
  QualityResult: { color: '#f87171', shape: 'triangle', label: 'Quality result' },
  TrainingRequest: { color: '#475569', shape: 'cut-rectangle', label: 'Training request' },
  RegistryEvent: { color: '#94a3b8', shape: 'round-tag', label: 'Registry event' },
  Webhook: { color: '#64748b', shape: 'tag', label: 'Webhook' },
  AlertRule: { color: '#ea580c', shape: 'round-diamond', label: 'Alert rule' },
  Alert: { color: '#f97316', shape: 'diamond', label: 'Alert' },
  Tag: { color: '#0d9488', shape: 'tag', label: 'Tag' },
  Source: { color: '#1e40af', shape: 'round-rectangle', label: 'Source' },
  FeatureService: { color: '#0891b2', shape: 'round-hexagon', label: 'Feature service' },
  ReportSchedule: { color: '#6d28d9', shape: 'round-rectangle', label: 'Report schedule' },
  Report: { color: '#8b5cf6', shape: 'rectangle', label: 'Report' },
};

/** Simplified Chinese names of the kinds (the English ones are the `label`s above). */
export const KIND_LABELS_ZH: Record<NodeKind, string> = {
  Tenant: '租户', ApiKey: 'API 密钥', Namespace: '命名空间', Dataset: '数据集', DatasetVersion: '数据集版本', Field: '字段',
  Job: '作业', JobVersion: '作业版本', Run: '运行', Experiment: '实验', Model: '模型', ModelVersion: '模型版本',
  FeatureGroup: '特征组', Feature: '特征', Prompt: '提示词', PromptVersion: '提示词版本', Trace: '调用链', Evaluation: '评估',
  QualityRule: '质量规则', QualityResult: '质量结果', TrainingRequest: '训练请求', RegistryEvent: '注册表事件', Webhook: 'Webhook',
  AlertRule: '告警规则', Alert: '告警', Tag: '标签', Source: '数据源', FeatureService: '特征服务', ReportSchedule: '报告计划', Report: '报告',
};

/** The name of a kind in a language ('en' or 'zh'); unknown kinds keep their own name. */
export function kindLabel(kind: string, lang: 'en' | 'zh'): string {
  if (lang === 'zh' && Object.hasOwn(KIND_LABELS_ZH, kind)) return KIND_LABELS_ZH[kind as NodeKind];
  return kindStyle(kind).label;
}

const UNKNOWN_KIND: KindStyle = { color: '#6b7280', shape: 'ellipse', label: 'Node' };

/** Style of a kind; a kind newer than this build (server ahead of the web app) gets a neutral look. */
export function kindStyle(kind: string): KindStyle {
  return Object.hasOwn(KIND_STYLES, kind) ? KIND_STYLES[kind as NodeKind] : { ...UNKNOWN_KIND, label: kind };
}
