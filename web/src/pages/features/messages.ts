import { defineMessages } from '../../i18n/i18n.js';

export const M = defineMessages(
  {
    title: 'Features', intro: 'Feature groups: typed features about one kind of entity, computed from a dataset. Values are written with writeFeatures (GraphQL) and read online (each entity\'s latest vector) or at points in time (training sets).',
    search: 'Search groups', loading: 'Loading…', none: 'No feature group yet. Define one with the defineFeatureGroup mutation.', noMatch: 'No group matches.',
    group: 'Group', entity: 'Entity key', features: 'Features', source: 'Source', entities: 'Entities', lastEvent: 'Latest values', version: 'Version', defined: 'Defined',
    back: 'All feature groups', notFound: 'No feature group {name} in this tenant.', lineage: 'lineage', owner: 'Owner', ttl: 'Served for', noTtl: 'no limit', definedBy: '{at} by {who}',
    values: 'Values stored', firstEvent: 'First event', lastWritten: 'Last write', schema: 'Schema', feature: 'Feature', type: 'Type', from: 'Computed from', stats: 'Latest values', nulls: '{n} null', distinct: '{n} distinct', range: '{min} … {max}, mean {mean}',
    lookup: 'Look up', lookupIntro: 'Entity ids (comma or space separated). Leave the time empty for the online values; give one for each value as it was then.', entityIds: 'Entity ids', asOf: 'As of (optional)', read: 'Read', reading: 'Reading…',
    quality: 'Data quality', noRules: 'No rules yet: set them with the validateFeatureGroup mutation (Great Expectations style).', validated: 'Checked {at}', passed: 'passed', failed: 'failed', rule: 'Rule', observedCol: 'Observed', validate: 'Check again', validating: 'Checking…',
    history: 'Earlier checks', rulesPassed: '{passed} of {total} rules passed', by: 'by {name}',
    NOT_NULL: 'not null', BETWEEN: 'between {min} and {max}', IN_SET: 'one of {values}', MEAN_BETWEEN: 'mean between {min} and {max}', mostly: '(at least {share}%)',
    PRESENT: 'present', NULL: 'null', NOT_FOUND: 'not found', EXPIRED: 'expired', at: 'at {at}', vectorsAt: 'Values at {at}',
  },
  {
    title: '特征', intro: '特征组：关于一类实体的有类型特征，由某个数据集计算而来。通过 writeFeatures（GraphQL）写入特征值，可在线读取（每个实体的最新向量）或按时间点读取（训练集）。',
    search: '搜索特征组', loading: '加载中…', none: '还没有特征组。请用 defineFeatureGroup 变更定义一个。', noMatch: '没有匹配的特征组。',
    group: '特征组', entity: '实体键', features: '特征', source: '来源', entities: '实体数', lastEvent: '最新值', version: '版本', defined: '定义于',
    back: '全部特征组', notFound: '本租户没有特征组 {name}。', lineage: '血缘', owner: '负责人', ttl: '有效期', noTtl: '不限', definedBy: '{at}，由 {who}',
    values: '已存储的值', firstEvent: '最早事件', lastWritten: '最近写入', schema: '模式', feature: '特征', type: '类型', from: '计算自', stats: '最新值', nulls: '{n} 个空值', distinct: '{n} 个不同值', range: '{min} … {max}，均值 {mean}',
    lookup: '查询', lookupIntro: '实体 ID（用逗号或空格分隔）。时间留空读取在线值；填写时间则读取当时的值。', entityIds: '实体 ID', asOf: '时间点（可选）', read: '读取', reading: '读取中…',
    quality: '数据质量', noRules: '还没有规则：请用 validateFeatureGroup 变更设置（Great Expectations 风格）。', validated: '检查于 {at}', passed: '通过', failed: '未通过', rule: '规则', observedCol: '观测值', validate: '重新检查', validating: '检查中…',
    history: '历次检查', rulesPassed: '{total} 条规则中 {passed} 条通过', by: '由 {name}',
    NOT_NULL: '非空', BETWEEN: '介于 {min} 与 {max}', IN_SET: '属于 {values}', MEAN_BETWEEN: '均值介于 {min} 与 {max}', mostly: '（至少 {share}%）',
    PRESENT: '有值', NULL: '空值', NOT_FOUND: '未找到', EXPIRED: '已过期', at: '于 {at}', vectorsAt: '{at} 的值',
  },
);
