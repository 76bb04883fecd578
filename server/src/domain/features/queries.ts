/**
 * The feature store's SQL (schema/clickhouse/007_feature_values.sql), one builder per read. Every value
 * is a server-side parameter; `{tenant:String}` is bound by the Analytics port.
 */

/** A value's columns as read: its event time as epoch milliseconds (`event_ms`), its typed columns. */
const VALUE_COLUMNS = 'is_null, int, num, str, vec';

/**
 * A read's (group, feature) pairs as two aligned arrays (the client cannot bind an array of tuples):
 * `pair_groups[i]`, `pair_features[i]`. Stored rows are filtered by group and by feature name, and
 * a row of a group's feature that was not asked for (another group's name) is left out by the caller.
 */
export interface FeaturePairs { pair_groups: string[]; pair_features: string[] }

/**
 * The latest value of each (group, feature) pair for each entity, from the online store. Rows of one
 * key not yet merged are collapsed here: the latest event time, then the latest write.
 */
export function onlineQuery(): string {
  return `SELECT group_id, entity_id, feature, toUnixTimestamp64Milli(event_time) AS event_ms, ${VALUE_COLUMNS}
FROM feature_online
WHERE tenant_id = {tenant:String} AND group_id IN {groups:Array(String)} AND entity_id IN {entities:Array(String)}
  AND feature IN {pair_features:Array(String)}
ORDER BY group_id, entity_id, feature, event_time DESC, written_at DESC
LIMIT 1 BY group_id, entity_id, feature`;
}

/**
 * Point in time: for each requested row `i` (an entity at a time) and each pair, the value with the
 * latest event time at or before that time (ASOF JOIN over the offline store; `found` 0 where there is
 * none). Several writes of one event time count once, the latest.
 */
export function pointInTimeQuery(): string {
  return `SELECT s.i AS i, s.group_id AS group_id, s.feature AS feature, v.found AS found, toUnixTimestamp64Milli(v.event_time) AS event_ms, v.${VALUE_COLUMNS.split(', ').join(', v.')}
FROM (
  SELECT tupleElement(r, 1) AS i, tupleElement(r, 2) AS entity_id, fromUnixTimestamp64Milli(tupleElement(r, 3), 'UTC') AS ts,
         tupleElement(p, 1) AS group_id, tupleElement(p, 2) AS feature
  FROM (SELECT arrayJoin(arrayZip(range(length({entities:Array(String)})), {entities:Array(String)}, {timesMs:Array(Int64)})) AS r)
  ARRAY JOIN arrayZip({pair_groups:Array(String)}, {pair_features:Array(String)}) AS p
) AS s
ASOF LEFT JOIN (
  SELECT group_id, entity_id, feature, event_time, 1 AS found,
         argMax(is_null, written_at) AS is_null, argMax(int, written_at) AS int, argMax(num, written_at) AS num,
         argMax(str, written_at) AS str, argMax(vec, written_at) AS vec
  FROM feature_values
  WHERE tenant_id = {tenant:String} AND group_id IN {groups:Array(String)} AND entity_id IN {entities:Array(String)}
    AND feature IN {pair_features:Array(String)}
  GROUP BY group_id, entity_id, feature, event_time
) AS v
ON s.group_id = v.group_id AND s.entity_id = v.entity_id AND s.feature = v.feature AND s.ts >= v.event_time
ORDER BY i, group_id, feature`;
}

/** A group's volume: entities with a value, values stored (one per entity, feature and event time), first and last event time, last write. */
export function groupStatsQuery(): string {
  return `SELECT uniq(entity_id) AS entities, count() AS values, toUnixTimestamp64Milli(min(event_time)) AS first_event_ms,
       toUnixTimestamp64Milli(max(event_time)) AS last_event_ms, toUnixTimestamp64Milli(max(written_at)) AS last_written_ms
FROM feature_values FINAL
WHERE tenant_id = {tenant:String} AND group_id = {group:String}`;
}

/**
 * Per feature, over each entity's latest value (the online store, collapsed): how many entities have
 * one, how many are null, and the spread of numbers (INT64, BOOL: \`int\`; FLOAT64: \`num\`), of strings
 * (distinct values) or of vectors (their length).
 */
export function featureStatsQuery(): string {
  return `SELECT feature, count() AS entities, countIf(is_null) AS nulls,
       minIf(int, NOT is_null) AS int_min, maxIf(int, NOT is_null) AS int_max, avgIf(int, NOT is_null) AS int_avg,
       minIf(num, NOT is_null) AS num_min, maxIf(num, NOT is_null) AS num_max, avgIf(num, NOT is_null) AS num_avg,
       uniqIf(str, NOT is_null) AS distinct_strings, toUnixTimestamp64Milli(max(event_time)) AS last_event_ms
FROM feature_online FINAL
WHERE tenant_id = {tenant:String} AND group_id = {group:String}
GROUP BY feature`;
}

/** A group's checks of its rules, newest first (`{first}`; with `before`, older than `{before}` epoch ms). */
export function validationsQuery(before: boolean): string {
  return `SELECT toUnixTimestamp64Milli(validated_at) AS at_ms, success, results, actor, role
FROM feature_validations FINAL
WHERE tenant_id = {tenant:String} AND group_id = {group:String}${before ? '\n  AND validated_at < fromUnixTimestamp64Milli({before:Int64})' : ''}
ORDER BY validated_at DESC
LIMIT {first:UInt32}`;
}
