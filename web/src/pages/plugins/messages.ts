import { defineMessages } from '../../i18n/i18n.js';

export const M = defineMessages(
  {
    title: 'Plugins', intro: 'What this Loom\'s plugins add: OpenLineage facets read at ingest, promotion gates models can configure, webhook formats. Loom loads them at start from LOOM_PLUGINS; the failures shown are this tenant\'s, since Loom started.',
    loading: 'Loading…', refresh: 'Refresh', none: 'No plugin is loaded.',
    howToLoad: 'Start Loom with LOOM_PLUGINS=server/plugins/examples/engine-tags.mjs (comma-separated paths or package names).',
    examples: 'The examples in server/plugins/examples tag runs by engine (engine-tags.mjs), classify datasets from a custom facet (data-classification.mjs), ask a change management service before a promotion (change-approval.mjs), post Microsoft Teams cards (teams.mjs) and give a dataset one name whatever the emitter (dataset-names.mjs).',
    version: 'version {version}', module: 'Module', facets: 'Reads facets', gates: 'Promotion gates', formats: 'Webhook formats', failures: 'Failures (this tenant)',
    onOwners: 'on {owners}', dataset: 'datasets', job: 'jobs', run: 'runs', listSep: ', ',
    facetsHint: 'Their props appear on the node as plugin.{name}.<key>, their tags with the source plugin:{name}.',
    gatesHint: 'A model uses one with setPromotionGates: kind PLUGIN, plugin "<gate>", params (JSON). It fails closed: an error or a timeout blocks the promotion.',
    formatsHint: 'A webhook takes one as its format (Alerts page, or createWebhook).',
    addsNothing: 'It adds no facet reader, gate or webhook format.',
    renames: 'Renames datasets', renamesHint: 'At ingest: the graph knows a dataset by the name it gives (e.g. s3a:// and s3:// as one); the event archive keeps what was sent and finds it by either name.',
    noFailures: 'No failures', failureCount: 'Failures: {n}', lastFailure: 'Last at {at}: {message}',
    failuresHint: 'What the plugin would have added was left out; a failed gate blocked its promotion.',
  },
  {
    title: '插件', intro: '本 Loom 的插件所添加的功能：写入时读取的 OpenLineage facet、模型可配置的晋级门禁、Webhook 格式。Loom 启动时从 LOOM_PLUGINS 加载插件；下面显示的失败是本租户自 Loom 启动以来的。',
    loading: '加载中…', refresh: '刷新', none: '没有加载任何插件。',
    howToLoad: '以 LOOM_PLUGINS=server/plugins/examples/engine-tags.mjs 启动 Loom（以逗号分隔的路径或包名）。',
    examples: 'server/plugins/examples 中的示例：按引擎给运行打标签（engine-tags.mjs）、根据自定义 facet 给数据集分级（data-classification.mjs）、晋级前询问变更管理服务（change-approval.mjs）、发送 Microsoft Teams 卡片（teams.mjs）、无论由哪个发送方上报都给数据集统一名称（dataset-names.mjs）。',
    version: '版本 {version}', module: '模块', facets: '读取的 facet', gates: '晋级门禁', formats: 'Webhook 格式', failures: '失败（本租户）',
    onOwners: '作用于{owners}', dataset: '数据集', job: '作业', run: '运行', listSep: '、',
    facetsHint: '它们的属性以 plugin.{name}.<key> 出现在节点上，标签的来源为 plugin:{name}。',
    gatesHint: '模型通过 setPromotionGates 使用：kind PLUGIN、plugin "<门禁>"、params（JSON）。它在失败时关闭：出错或超时都会阻止晋级。',
    formatsHint: 'Webhook 可以用它作为格式（告警页面或 createWebhook）。',
    addsNothing: '它没有添加 facet 读取、门禁或 Webhook 格式。',
    renames: '重命名数据集', renamesHint: '在写入时：图中的数据集使用它给出的名称（例如 s3a:// 与 s3:// 视为同一个）；事件存档保留原始事件，两个名称都能查到。',
    noFailures: '没有失败', failureCount: '失败次数：{n}', lastFailure: '最近一次 {at}：{message}',
    failuresHint: '插件本应添加的内容被略过；失败的门禁阻止了晋级。',
  },
);
