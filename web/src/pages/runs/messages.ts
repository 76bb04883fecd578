import { defineMessages } from '../../i18n/i18n.js';

export const M = defineMessages(
  {
    title: 'Runs', experiment: 'Experiment', allExperiments: 'All experiments', status: 'Status', anyStatus: 'Any status', search: 'Search runs (id, name, experiment)',
    NEW: 'New', RUNNING: 'Running', COMPLETED: 'Completed', FAILED: 'Failed', ABORTED: 'Aborted', OTHER: 'Other',
    name: 'Name', runId: 'Run id', started: 'Started', duration: 'Duration', metrics: 'Latest metrics', select: 'Select',
    loading: 'Loading…', noRuns: 'No runs match. Clear the filters, or log runs with createRun / logBatch (or the Python client).', noRunsAtAll: 'No runs yet. Start one with createRun, the Python client, or a training request.',
    total: '{n} runs', truncated: 'Only the first 5,000 runs were searched: pick an experiment to narrow.', prev: 'Previous', next: 'Next', page: 'Page {page} of {pages}',
    compare: 'Compare {n} runs', compareHint: 'Select two or more runs to compare them.', clear: 'Clear selection',
    back: '← All runs', comparing: 'Comparing {n} runs', params: 'Params', onlyDiff: 'Only params that differ', param: 'Param', noParams: 'These runs have no params.',
    noMetrics: 'No metrics were logged for these runs.', remove: 'Remove', needTwo: 'Pick at least two runs to compare.', notFoundRun: 'Run {run} was not found.',
    state: 'State', ended: 'Ended', tags: 'Tags', note: 'Note', noNote: 'No note yet.', editNote: 'Edit note', saveNote: 'Save note', cancel: 'Cancel',
    artifacts: 'Artifacts', noArtifacts: 'No artifacts logged.', path: 'Path', uri: 'URI', type: 'Type', size: 'Size',
    metricsCharts: 'Metrics', noMetricsRun: 'No metrics logged for this run yet (logBatch).', openLineage: 'Lineage', trainingLogs: 'Training logs', gpuPage: 'GPU page',
    gpu: 'GPUs', value: 'Value', step: 'Step', min: 'Min', max: 'Max', none: 'None.',
  },
  {
    title: '运行', experiment: '实验', allExperiments: '全部实验', status: '状态', anyStatus: '任意状态', search: '搜索运行（ID、名称、实验）',
    NEW: '新建', RUNNING: '运行中', COMPLETED: '已完成', FAILED: '失败', ABORTED: '已中止', OTHER: '其他',
    name: '名称', runId: '运行 ID', started: '开始时间', duration: '时长', metrics: '最新指标', select: '选择',
    loading: '加载中…', noRuns: '没有匹配的运行。请清除筛选条件，或通过 createRun / logBatch（或 Python 客户端）记录运行。', noRunsAtAll: '还没有运行。可通过 createRun、Python 客户端或训练请求开始一个运行。',
    total: '共 {n} 个运行', truncated: '只搜索了前 5,000 个运行：请选择实验以缩小范围。', prev: '上一页', next: '下一页', page: '第 {page} / {pages} 页',
    compare: '比较 {n} 个运行', compareHint: '选择两个或更多运行进行比较。', clear: '清除选择',
    back: '← 全部运行', comparing: '正在比较 {n} 个运行', params: '参数', onlyDiff: '只显示不同的参数', param: '参数', noParams: '这些运行没有参数。',
    noMetrics: '这些运行没有记录指标。', remove: '移除', needTwo: '请至少选择两个运行进行比较。', notFoundRun: '找不到运行 {run}。',
    state: '状态', ended: '结束时间', tags: '标签', note: '备注', noNote: '还没有备注。', editNote: '编辑备注', saveNote: '保存备注', cancel: '取消',
    artifacts: '产出物', noArtifacts: '没有记录产出物。', path: '路径', uri: 'URI', type: '类型', size: '大小',
    metricsCharts: '指标', noMetricsRun: '此运行还没有记录指标（logBatch）。', openLineage: '血缘', trainingLogs: '训练日志', gpuPage: 'GPU 页面',
    gpu: 'GPU', value: '值', step: '步', min: '最小值', max: '最大值', none: '无。',
  },
);
