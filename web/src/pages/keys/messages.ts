import { defineMessages } from '../../i18n/i18n.js';

export const M = defineMessages(
  {
    title: 'API keys', intro: 'Keys of tenant {tenant}, for people and tools (OpenLineage emitters, OTel collectors, scripts). A key is shown once, when it is created: Loom keeps only its SHA-256.',
    create: 'Create a key', name: 'What it is for', namePlaceholder: 'e.g. airflow-prod', role: 'Role', creating: 'Creating…',
    admin: 'admin', editor: 'editor', viewer: 'viewer', adminHint: 'admin: everything, keys and production promotions too', editorHint: 'editor: ingest and registry changes', viewerHint: 'viewer: reads only',
    namespaces: 'Limit to namespaces', namespacesPlaceholder: 'e.g. team-a, team-a-staging', namespacesCol: 'Namespaces', allNamespaces: 'all',
    namespacesHint: 'Leave empty for the whole tenant. A limited key sends OpenLineage events only for jobs and outputs in these namespaces, and curates only what they hold.',
    created: 'Store this key now: it will not be shown again.', copy: 'Copy', copied: 'Copied', done: 'Done',
    keys: 'Keys', lastUsed: 'Last used', never: 'never', expiry: 'Expires', noExpiry: 'never (until revoked)', days: 'in {n} days', expires: 'until {at}', expired: 'Expired', showRevoked: 'Show revoked keys', key: 'Key', state: 'State', createdCol: 'Created', by: 'by {who}',
    active: 'Active', revoked: 'Revoked', revokedAt: '{at} by {who}', current: 'this browser', revoke: 'Revoke', revoking: 'Revoking…',
    confirmRevoke: 'Revoke key {key}? Everything that sends it is refused from now on.', confirmRevokeCurrent: 'Revoke key {key}? This browser is signed in with it and will be signed out.',
    loading: 'Loading…', none: 'No keys to show.', training: 'training run {run}', adminsOnly: 'Only admins of this tenant manage its API keys.',
  },
  {
    title: 'API 密钥', intro: '租户 {tenant} 的密钥，供人员和工具使用（OpenLineage 发送端、OTel Collector、脚本）。密钥只在创建时显示一次：Loom 只保存它的 SHA-256。',
    create: '创建密钥', name: '用途', namePlaceholder: '例如 airflow-prod', role: '角色', creating: '创建中…',
    admin: '管理员', editor: '编辑者', viewer: '查看者', adminHint: '管理员：全部权限，包括密钥和生产发布', editorHint: '编辑者：写入数据和注册表变更', viewerHint: '查看者：只读',
    namespaces: '限定命名空间', namespacesPlaceholder: '例如 team-a, team-a-staging', namespacesCol: '命名空间', allNamespaces: '全部',
    namespacesHint: '留空表示整个租户。受限的密钥只能为这些命名空间中的作业和输出发送 OpenLineage 事件，也只能整理这些命名空间中的内容。',
    created: '请立即保存此密钥：它不会再次显示。', copy: '复制', copied: '已复制', done: '完成',
    keys: '密钥', lastUsed: '最近使用', never: '从未', expiry: '有效期', noExpiry: '永久（直到吊销）', days: '{n} 天后', expires: '至 {at}', expired: '已过期', showRevoked: '显示已吊销的密钥', key: '密钥', state: '状态', createdCol: '创建', by: '由 {who}',
    active: '有效', revoked: '已吊销', revokedAt: '{at}，由 {who}', current: '当前浏览器', revoke: '吊销', revoking: '吊销中…',
    confirmRevoke: '吊销密钥 {key}？之后所有使用它的请求都会被拒绝。', confirmRevokeCurrent: '吊销密钥 {key}？当前浏览器正使用它登录，将会退出。',
    loading: '加载中…', none: '没有可显示的密钥。', training: '训练运行 {run}', adminsOnly: '只有本租户的管理员可以管理 API 密钥。',
  },
);
