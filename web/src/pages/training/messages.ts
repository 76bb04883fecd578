import { defineMessages } from '../../i18n/i18n.js';

export const M = defineMessages(
  {
    title: 'Training', newRun: 'New training run', submitTitle: 'Request a training run', list: 'Training runs', activeOnly: 'Only queued and running',
    QUEUED: 'Queued', RUNNING: 'Running', SUCCEEDED: 'Succeeded', FAILED: 'Failed', CANCELLED: 'Cancelled',
    quota: 'Quota', gpus: 'GPUs', cpus: 'CPU cores', active: 'Active runs', used: '{used} of {limit} in use', usedNoLimit: '{used} in use (no limit)',
    loading: 'Loading…', noRuns: 'No training runs yet. Request one with "New training run".', noActive: 'No queued or running training runs.',
    name: 'Name', experiment: 'Experiment', image: 'Image', command: 'Command', args: 'Arguments', env: 'Environment', cpu: 'CPU', memory: 'Memory', gpu: 'GPU count', gpuType: 'GPU type',
    datasets: 'Input datasets', featureGroups: 'Feature groups', hintFeatureGroups: 'Feature group node ids the run reads (its lineage: data → features → run → model)', findFeatureGroup: 'Find a feature group by name…', noFeatureGroupFound: 'No feature group matches.', retries: 'Retries', timeoutSeconds: 'Timeout (seconds)', state: 'State', requested: 'Requested', changed: 'State changed', reason: 'Reason', resources: 'Resources',
    hintImage: 'Container image; the local launcher runs the command on the Loom host', hintCommand: 'Shell-style: quotes group words', hintEnv: 'One NAME=value per line',
    hintDatasets: 'Dataset node ids, one per line or comma-separated', hintGpuType: 'e.g. NVIDIA-A100-SXM4-80GB', submit: 'Submit', submitting: 'Submitting…', cancel: 'Cancel run', cancelling: 'Cancelling…',
    required: 'Required.', integer: 'A whole number.', envLine: 'Line {line} is not NAME=value.', quotes: 'A quote is not closed.',
    fixFields: 'Fix the highlighted fields.', back: '← Training runs', logs: 'Logs', noLogs: 'No output yet.', live: 'Live: refreshing every {s} s', final: 'Final state.',
    notFound: 'Training run {run} was not found.', openRun: 'Run page', openGpu: 'GPU use', message: 'Message', placement: 'Placement', cancelRequested: 'Cancel requested',
    confirmCancel: 'Cancel this training run?', findDataset: 'Find a dataset by name…', noDatasetFound: 'No dataset matches.', prev: 'Previous', next: 'Next', total: '{n} training runs',
  },
  {
    title: '训练', newRun: '新建训练', submitTitle: '提交训练请求', list: '训练运行', activeOnly: '只看排队和运行中',
    QUEUED: '排队中', RUNNING: '运行中', SUCCEEDED: '成功', FAILED: '失败', CANCELLED: '已取消',
    quota: '配额', gpus: 'GPU', cpus: 'CPU 核', active: '活跃运行', used: '已用 {used} / {limit}', usedNoLimit: '已用 {used}（不限）',
    loading: '加载中…', noRuns: '还没有训练运行。点击“新建训练”提交一个。', noActive: '没有排队或运行中的训练。',
    name: '名称', experiment: '实验', image: '镜像', command: '命令', args: '参数', env: '环境变量', cpu: 'CPU', memory: '内存', gpu: 'GPU 数量', gpuType: 'GPU 型号',
    datasets: '输入数据集', featureGroups: '特征组', hintFeatureGroups: '运行读取的特征组节点 ID（血缘：数据 → 特征 → 运行 → 模型）', findFeatureGroup: '按名称查找特征组…', noFeatureGroupFound: '没有匹配的特征组。', retries: '重试次数', timeoutSeconds: '超时（秒）', state: '状态', requested: '提交时间', changed: '状态变更时间', reason: '原因', resources: '资源',
    hintImage: '容器镜像；本地启动器会在 Loom 主机上运行命令', hintCommand: 'Shell 风格：引号内为一个参数', hintEnv: '每行一个 NAME=value',
    hintDatasets: '数据集节点 ID，每行一个或用逗号分隔', hintGpuType: '例如 NVIDIA-A100-SXM4-80GB', submit: '提交', submitting: '提交中…', cancel: '取消运行', cancelling: '取消中…',
    required: '必填。', integer: '请输入整数。', envLine: '第 {line} 行不是 NAME=value 格式。', quotes: '引号未闭合。',
    fixFields: '请修正标出的字段。', back: '← 训练运行', logs: '日志', noLogs: '还没有输出。', live: '实时：每 {s} 秒刷新', final: '最终状态。',
    notFound: '找不到训练运行 {run}。', openRun: '运行页面', openGpu: 'GPU 使用情况', message: '消息', placement: '运行位置', cancelRequested: '已请求取消',
    confirmCancel: '确定取消此训练运行？', findDataset: '按名称查找数据集…', noDatasetFound: '没有匹配的数据集。', prev: '上一页', next: '下一页', total: '共 {n} 个训练运行',
  },
);
