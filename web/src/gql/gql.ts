/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query SearchNodes($text: String!, $kinds: [NodeKind!], $first: Int!) {\n    search(text: $text, kinds: $kinds, first: $first) {\n      id\n      kind\n      namespace\n      name\n    }\n  }\n": typeof types.SearchNodesDocument,
    "\n  query Lineage($nodeId: ID!, $direction: Direction!, $depth: Int!, $limit: Int!, $asOf: DateTime) {\n    lineage(nodeId: $nodeId, direction: $direction, depth: $depth, limit: $limit, asOf: $asOf) {\n      ...LineageResult\n    }\n  }\n": typeof types.LineageDocument,
    "\n  query HopAsOf($nodeId: ID!, $direction: Direction!, $limit: Int!, $asOf: DateTime) {\n    lineage(nodeId: $nodeId, direction: $direction, depth: 1, limit: $limit, asOf: $asOf) {\n      ...LineageResult\n    }\n    lineageCount(nodeId: $nodeId, direction: $direction, depth: 1, asOf: $asOf) {\n      byDistance { distance count }\n    }\n  }\n": typeof types.HopAsOfDocument,
    "\n  query ColumnLineage($nodeId: ID!, $direction: Direction!, $depth: Int!, $limit: Int!, $asOf: DateTime) {\n    columnLineage(nodeId: $nodeId, direction: $direction, depth: $depth, limit: $limit, asOf: $asOf) {\n      ...LineageResult\n    }\n  }\n": typeof types.ColumnLineageDocument,
    "\n  fragment LineageResult on Lineage {\n    root {\n      id\n      kind\n      namespace\n      name\n      validTo\n      gaps { from to }\n    }\n    nodes {\n      distance\n      node {\n        id\n        kind\n        namespace\n        name\n      }\n    }\n    edges {\n      kind\n      from\n      to\n    }\n    isPartial\n    cut {\n      reason\n      depth\n    }\n  }\n": typeof types.LineageResultFragmentDoc,
    "\n  query Neighbours($id: ID!, $direction: Direction!, $first: Int!, $offset: Int!) {\n    node(id: $id) {\n      ... on GraphNode {\n        neighbours(direction: $direction, first: $first, offset: $offset, lineageOnly: true) {\n          total\n          items {\n            node {\n              id\n              kind\n              namespace\n              name\n            }\n            edge {\n              kind\n              from\n              to\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.NeighboursDocument,
    "\n  query ImpactUsage($nodeId: ID!, $depth: Int!, $asOf: DateTime) {\n    impact(nodeId: $nodeId, depth: $depth, asOf: $asOf) { usage { windowDays modelVersions promptVersions llmCalls llmErrors llmTokens llmCostUsd trainingRuns gpuHours gpuRunsRead } }\n  }\n": typeof types.ImpactUsageDocument,
    "\n  query Impact($nodeId: ID!, $depth: Int!, $asOf: DateTime) {\n    impact(nodeId: $nodeId, depth: $depth, asOf: $asOf) {\n      total\n      isPartial\n      cut {\n        reason\n        depth\n      }\n      root {\n        id\n        kind\n        name\n      }\n      groups {\n        kind\n        distance\n        count\n        nodes {\n          node {\n            id\n            kind\n            namespace\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ImpactDocument,
    "\n  query NodeDetails($id: ID!) {\n    node(id: $id) {\n      id\n      kind\n      namespace\n      name\n      props\n      createdAt\n      updatedAt\n      validTo\n      gaps { from to }\n    }\n  }\n": typeof types.NodeDetailsDocument,
    "\n  mutation DeleteNode($id: ID!) {\n    deleteNode(nodeId: $id) { id validTo }\n  }\n": typeof types.DeleteNodeDocument,
    "\n  mutation RestoreNode($id: ID!) {\n    restoreNode(nodeId: $id) { id validTo }\n  }\n": typeof types.RestoreNodeDocument,
    "\n  query SchemaChanges($nodeId: ID!, $first: Int!) {\n    schemaChanges(nodeId: $nodeId, first: $first) { at fromVersion toVersion added { name type } removed { name type } changed { name from to } }\n  }\n": typeof types.SchemaChangesDocument,
    "\n  query ReceivedEvents($runId: ID, $jobNamespace: String, $jobName: String, $datasetNamespace: String, $datasetName: String, $first: Int!) {\n    lineageEvents(runId: $runId, jobNamespace: $jobNamespace, jobName: $jobName, datasetNamespace: $datasetNamespace, datasetName: $datasetName, first: $first) {\n      totalCount\n      events\n    }\n  }\n": typeof types.ReceivedEventsDocument,
    "\n  fragment RelationPage on NeighbourPage {\n    total\n    items {\n      edge { kind from to props validFrom validTo }\n      node { id kind namespace name props createdAt updatedAt tags { name } }\n    }\n  }\n": typeof types.RelationPageFragmentDoc,
    "\n  query NodeRelations($id: ID!, $first: Int!) {\n    node(id: $id) {\n      ... on GraphNode {\n        id\n        fields: neighbours(direction: DOWNSTREAM, edgeKinds: [\"HAS_FIELD\"], first: $first) { ...RelationPage }\n        versions: neighbours(direction: DOWNSTREAM, edgeKinds: [\"HAS_VERSION\"], first: $first) { ...RelationPage }\n        owner: neighbours(direction: UPSTREAM, edgeKinds: [\"HAS_VERSION\", \"HAS_FIELD\"], first: 1) { ...RelationPage }\n        readBy: neighbours(direction: DOWNSTREAM, edgeKinds: [\"READ_BY\"], first: $first) { ...RelationPage }\n        runs: neighbours(direction: UPSTREAM, edgeKinds: [\"WROTE\", \"RAN\", \"RUN_OF\"], first: $first) { ...RelationPage }\n        inputs: neighbours(direction: UPSTREAM, edgeKinds: [\"INPUT_TO\"], first: $first) { ...RelationPage }\n        outputs: neighbours(direction: DOWNSTREAM, edgeKinds: [\"OUTPUT\"], first: $first) { ...RelationPage }\n        derivedFrom: neighbours(direction: UPSTREAM, edgeKinds: [\"DERIVES\"], first: $first) { ...RelationPage }\n        derives: neighbours(direction: DOWNSTREAM, edgeKinds: [\"DERIVES\"], first: $first) { ...RelationPage }\n      }\n    }\n  }\n": typeof types.NodeRelationsDocument,
    "\n  query DatasetColumns($id: ID!, $first: Int!) {\n    node(id: $id) {\n      ... on GraphNode {\n        id\n        neighbours(direction: DOWNSTREAM, first: $first, edgeKinds: [\"HAS_FIELD\"], ended: true) {\n          items {\n            edge { validTo gaps { from to } }\n            node { id kind namespace name props createdAt updatedAt tags { name } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DatasetColumnsDocument,
    "\n  query LineageChanges($id: ID!, $first: Int!) {\n    lineageChanges(nodeId: $id, first: $first) {\n      total\n      isPartial\n      items { at change relation node { id kind name } }\n    }\n  }\n": typeof types.LineageChangesDocument,
    "\n  query NodeAbout($id: ID!) {\n    node(id: $id) {\n      ... on GraphNode {\n        id\n        description { text source setBy { name role } setAt }\n        owners { items { name type } source setBy { name role } setAt }\n      }\n    }\n  }\n": typeof types.NodeAboutDocument,
    "\n  mutation DescribeNode($id: ID!, $description: String) {\n    describeNode(nodeId: $id, description: $description) { id }\n  }\n": typeof types.DescribeNodeDocument,
    "\n  mutation SetOwners($id: ID!, $owners: [OwnerInput!]!) {\n    setOwners(nodeId: $id, owners: $owners) { id }\n  }\n": typeof types.SetOwnersDocument,
    "\n  query NodeTags($id: ID!) {\n    node(id: $id) {\n      ... on GraphNode {\n        id\n        tags { name source at actor { name role } }\n      }\n    }\n    tags(first: 1000) { items { name } }\n  }\n": typeof types.NodeTagsDocument,
    "\n  mutation TagNode($id: ID!, $tag: String!) {\n    tagNode(nodeId: $id, tag: $tag) { id }\n  }\n": typeof types.TagNodeDocument,
    "\n  mutation UntagNode($id: ID!, $tag: String!) {\n    untagNode(nodeId: $id, tag: $tag) { id }\n  }\n": typeof types.UntagNodeDocument,
    "\n  query TagList {\n    tags(first: 1000) { items { name } }\n  }\n": typeof types.TagListDocument,
    "\n  query TagOverlay($tag: String!) {\n    tagged(tag: $tag, first: 500) { total items { id } }\n    tagReach(tag: $tag, depth: 10, first: 2000) { isPartial reached { node { id } } }\n  }\n": typeof types.TagOverlayDocument,
    "\n  query TagDetails($tag: String!) {\n    tagged(tag: $tag, first: 200) { total items { id kind namespace name props createdAt updatedAt } }\n    tagReach(tag: $tag, depth: 5, first: 200) {\n      isPartial\n      reached { distance from node { id kind namespace name props createdAt updatedAt } }\n    }\n  }\n": typeof types.TagDetailsDocument,
    "\n  query Viewer {\n    viewer {\n      tenant\n      role\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query RecentlyActive($first: Int!) {\n    recentlyActive(first: $first) { id kind namespace name updatedAt }\n  }\n": typeof types.RecentlyActiveDocument,
    "\n  query AlertsPage {\n    alerts(states: [PENDING, FIRING]) { id ruleId ruleName source severity labels state value noData op threshold pendingSince firedAt subjectId }\n    alertRules {\n      id name description source metric labels { key value } service aggregation measure llmOnly alertOnNoData op threshold windowSeconds forSeconds severity\n      enabled silencedUntil createdAt createdBy lastEvaluatedAt lastSeries lastTruncated lastError\n    }\n  }\n": typeof types.AlertsPageDocument,
    "\n  query AlertHistory($ruleId: ID!) { alerts(ruleId: $ruleId, states: [FIRING, RESOLVED], first: 50) { id source labels state value noData pendingSince firedAt closedAt closeReason subjectId } }\n": typeof types.AlertHistoryDocument,
    "\n  query PreviewAlertRule($input: AlertRuleInput!) { previewAlertRule(input: $input) { from to truncated series { labels value samples breaching } } }\n": typeof types.PreviewAlertRuleDocument,
    "\n  mutation CreateAlertRule($input: AlertRuleInput!) { createAlertRule(input: $input) { id name } }\n": typeof types.CreateAlertRuleDocument,
    "\n  mutation SetAlertRuleEnabled($id: ID!, $enabled: Boolean!) { setAlertRuleEnabled(id: $id, enabled: $enabled) { id enabled } }\n": typeof types.SetAlertRuleEnabledDocument,
    "\n  mutation DeleteAlertRule($id: ID!) { deleteAlertRule(id: $id) { id deletedAt } }\n": typeof types.DeleteAlertRuleDocument,
    "\n  query NodeAlerts($nodeId: ID!) { alerts(nodeId: $nodeId, states: [PENDING, FIRING, RESOLVED], first: 20) { id ruleName severity labels state value noData op threshold pendingSince firedAt closedAt } }\n": typeof types.NodeAlertsDocument,
    "\n  mutation UpdateAlertRule($id: ID!, $input: AlertRuleInput!) { updateAlertRule(id: $id, input: $input) { id name } }\n": typeof types.UpdateAlertRuleDocument,
    "\n  mutation SilenceAlertRule($id: ID!, $minutes: Int!) { silenceAlertRule(id: $id, minutes: $minutes) { id silencedUntil } }\n": typeof types.SilenceAlertRuleDocument,
    "\n  query Webhooks { webhookFormats webhooks { id url events format minSeverity description secretHint createdAt deliveries { id event state ok attempts status error at } } }\n": typeof types.WebhooksDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id url format } } }\n": typeof types.CreateWebhookDocument,
    "\n  mutation TestWebhook($id: ID!) { testWebhook(id: $id) { id ok status error } }\n": typeof types.TestWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) { id deletedAt } }\n": typeof types.DeleteWebhookDocument,
    "\n  query FeatureGroups($search: String) {\n    featureGroups(search: $search, first: 500) { id namespace name description entity version definedAt sources { id namespace name } features { name } stats { entities lastEventTime } }\n  }\n": typeof types.FeatureGroupsDocument,
    "\n  query FeatureGroup($namespace: String!, $name: String!) {\n    featureGroup(namespace: $namespace, name: $name) {\n      id namespace name description entity version definedAt owner ttlSeconds definedBy { name role }\n      source { id namespace name }\n      sources { id namespace name }\n      features { id name type dimension description sourceFields transformation source { id name } }\n      stats { entities values firstEventTime lastEventTime lastWrittenAt }\n      featureStats { feature entities nulls min max mean distinctStrings lastEventTime }\n      validation { at success results { expectation { kind feature min max values mostly } success observed evaluated } }\n      validations(first: 10) { at success validatedBy { name role } results { success } }\n    }\n  }\n": typeof types.FeatureGroupDocument,
    "\n  query FeatureGroupDefinitions($namespace: String!, $name: String!, $asOf: DateTime) {\n    featureGroup(namespace: $namespace, name: $name) {\n      id\n      definitions(first: 50, asOf: $asOf) {\n        version definedAt definedBy { name role } droppedAt droppedBy { name role }\n        features { name type dimension sourceFields }\n        changes { kind feature before after }\n      }\n    }\n  }\n": typeof types.FeatureGroupDefinitionsDocument,
    "\n  query OnlineFeatures($entityIds: [String!]!, $features: [FeatureSelectionInput!]!) {\n    onlineFeatures(entityIds: $entityIds, features: $features) { entityId at values { feature value eventTime status } }\n  }\n": typeof types.OnlineFeaturesDocument,
    "\n  query PointInTimeFeatures($rows: [EntityAtInput!]!, $features: [FeatureSelectionInput!]!) {\n    pointInTimeFeatures(rows: $rows, features: $features) { entityId at values { feature value eventTime status } }\n  }\n": typeof types.PointInTimeFeaturesDocument,
    "\n  mutation ValidateFeatureGroup($namespace: String!, $name: String!) { validateFeatureGroup(namespace: $namespace, name: $name) { id validation { at success } } }\n": typeof types.ValidateFeatureGroupDocument,
    "\n  query FeatureGroupDefined($namespace: String!, $name: String!) { featureGroup(namespace: $namespace, name: $name) { id version definedAt definedBy { name role } } }\n": typeof types.FeatureGroupDefinedDocument,
    "\n  query FeatureServices { featureServices { id name description entity definedAt definedBy features { namespace group feature } } }\n": typeof types.FeatureServicesDocument,
    "\n  mutation DefineFeatureService($input: FeatureServiceInput!) { defineFeatureService(input: $input) { id name } }\n": typeof types.DefineFeatureServiceDocument,
    "\n  mutation DropFeatureService($name: String!) { dropFeatureService(name: $name) { id } }\n": typeof types.DropFeatureServiceDocument,
    "\n  query GpuDevices($from: DateTime, $limit: Int!) {\n    gpus(from: $from, limit: $limit) { gpuUuid host model gpuIndex pods runs { runId name pod startedAt endedAt } firstSeen lastSeen }\n  }\n": typeof types.GpuDevicesDocument,
    "\n  query RunGpuSeries($runId: String!, $metrics: [GpuMetric!], $to: DateTime, $maxPoints: Int) {\n    runGpuSeries(runId: $runId, metrics: $metrics, to: $to, maxPoints: $maxPoints) {\n      stepSeconds source from to truncated\n      placement { namespace pods startedAt endedAt }\n      series { gpuUuid metric unit namespace pod host model gpuIndex points { time avg min max } }\n    }\n  }\n": typeof types.RunGpuSeriesDocument,
    "\n  query GpuSeries($gpuUuid: String!, $metrics: [GpuMetric!], $from: DateTime, $maxPoints: Int) {\n    gpuSeries(gpuUuid: $gpuUuid, metrics: $metrics, from: $from, maxPoints: $maxPoints) {\n      stepSeconds source from to truncated\n      series { gpuUuid metric unit namespace pod host model gpuIndex points { time avg min max } }\n    }\n  }\n": typeof types.GpuSeriesDocument,
    "\n  query RunGpuSummary($runId: String!) {\n    runGpuSummary(runId: $runId) {\n      runId gpuCount gpuHours meanUtilization maxMemoryUsedBytes meanPowerWatts energyKwh\n      placement { namespace pods startedAt endedAt }\n      gpus { gpuUuid host model pod hours meanUtilization maxMemoryUsedBytes meanPowerWatts }\n    }\n  }\n": typeof types.RunGpuSummaryDocument,
    "\n  query ApiKeys { apiKeys { id prefix role name createdAt createdBy runId revokedAt revokedBy lastUsedAt expiresAt current namespaces } }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($role: String!, $name: String, $expiresInDays: Int, $namespaces: [String!]) {\n    createApiKey(role: $role, name: $name, expiresInDays: $expiresInDays, namespaces: $namespaces) { key apiKey { id prefix role expiresAt namespaces } }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n": typeof types.RevokeApiKeyDocument,
    "\n  query RegisteredModels($first: Int!, $offset: Int!, $search: String) {\n    registeredModels(first: $first, offset: $offset, search: $search) {\n      id\n      name\n      description\n      versionCount\n      aliases { alias version since }\n      latestVersions { version stage stageSince }\n    }\n  }\n": typeof types.RegisteredModelsDocument,
    "\n  query RegisteredModel($name: String!, $asOf: DateTime) {\n    registeredModel(name: $name, asOf: $asOf) {\n      id\n      name\n      description\n      asOf\n      versionCount\n      tags { key value }\n      aliases { alias version since }\n      gates { index kind stages aliases metric source op threshold depth plugin params }\n      latestVersions { version stage stageSince }\n      versions(first: 200) {\n        id\n        version\n        stage\n        stageSince\n        aliases\n        modelUri\n        flavor\n        description\n        runId\n        registeredAt\n        registeredBy { name role }\n        tags { key value }\n      }\n      history(first: 200) {\n        seq\n        type\n        version\n        at\n        actor { name role }\n        fromStage\n        toStage\n        pointer\n        previousVersion\n        reason\n        outcome\n        rejectionCode\n        rejectionMessage\n        gates { gate kind passed detail }\n      }\n    }\n  }\n": typeof types.RegisteredModelDocument,
    "\n  mutation TransitionStage($input: TransitionStageInput!) {\n    transitionModelVersionStage(input: $input) { version stage stageSince }\n  }\n": typeof types.TransitionStageDocument,
    "\n  mutation SetModelAlias($input: SetModelAliasInput!) {\n    setModelAlias(input: $input) { version aliases }\n  }\n": typeof types.SetModelAliasDocument,
    "\n  mutation DeleteModelAlias($input: DeleteModelAliasInput!) {\n    deleteModelAlias(input: $input) { name }\n  }\n": typeof types.DeleteModelAliasDocument,
    "\n  query ModelSummary($name: String!) {\n    registeredModel(name: $name) {\n      versionCount\n      aliases { alias version }\n      latestVersions { version stage }\n    }\n  }\n": typeof types.ModelSummaryDocument,
    "\n  query ModelVersionSummary($name: String!, $version: Int!) {\n    modelVersion(name: $name, version: $version) {\n      version\n      stage\n      stageSince\n      aliases\n      modelUri\n      flavor\n      runId\n      evaluations { id name evaluatedAt metrics { key value } }\n    }\n  }\n": typeof types.ModelVersionSummaryDocument,
    "\n  query ModelEvaluations($name: String!) {\n    registeredModel(name: $name) { versions(first: 100) { version evaluations { id name evaluatedAt task examples metrics { key value } judging { state judged total unreadable error } } } }\n  }\n": typeof types.ModelEvaluationsDocument,
    "\n  query PromptEvaluations($name: String!) {\n    prompt(name: $name) { versions(first: 100) { version evaluations { id name evaluatedAt task examples metrics { key value } judging { state judged total unreadable error } } } }\n  }\n": typeof types.PromptEvaluationsDocument,
    "\n  query CompareEvaluations($ids: [ID!]!, $onlyDiffering: Boolean!) {\n    compareEvaluations(evaluationIds: $ids, onlyDiffering: $onlyDiffering, first: 200) {\n      total\n      metrics { key values }\n      examples { exampleId input reference predictions scores }\n    }\n  }\n": typeof types.CompareEvaluationsDocument,
    "\n  mutation JudgeEvaluation($id: ID!, $criteria: [String!]!) { judgeEvaluation(evaluationId: $id, criteria: $criteria) { id judging { state judged total } } }\n": typeof types.JudgeEvaluationDocument,
    "\n  mutation EvaluateTraces($input: EvaluateTracesInput!, $criteria: [String!]) { evaluateTraces(input: $input, criteria: $criteria) { id examples judging { state total } } }\n": typeof types.EvaluateTracesDocument,
    "\n  mutation SetPromotionGates($input: SetPromotionGatesInput!) {\n    setPromotionGates(input: $input) { id gates { index } }\n  }\n": typeof types.SetPromotionGatesDocument,
    "\n  query PluginGates {\n    plugins { name promotionGates { name description } }\n  }\n": typeof types.PluginGatesDocument,
    "\n  query Plugins {\n    plugins { name version module renamesDatasets facets { facet owners } promotionGates { name description } webhookFormats { name description } errors { count lastAt lastMessage } usage { calls totalMs slowestMs } }\n  }\n": typeof types.PluginsDocument,
    "\n  query Prompts($first: Int!, $offset: Int!, $search: String) {\n    prompts(first: $first, offset: $offset, search: $search) {\n      id\n      name\n      description\n      versionCount\n      createdAt\n      labels { label version since }\n    }\n  }\n": typeof types.PromptsDocument,
    "\n  query Prompt($name: String!) {\n    prompt(name: $name) {\n      id\n      name\n      description\n      versionCount\n      tags { key value }\n      labels { label version since }\n      versions(first: 200) {\n        id\n        version\n        type\n        text\n        messages { role content }\n        commitMessage\n        config\n        labels\n        createdAt\n        createdBy { name role }\n        modelVersionId\n        variables { name required default description }\n      }\n      history(first: 200) {\n        seq\n        type\n        version\n        at\n        actor { name role }\n        pointer\n        previousVersion\n        reason\n        outcome\n        rejectionCode\n        rejectionMessage\n      }\n    }\n  }\n": typeof types.PromptDocument,
    "\n  query PromptByLabel($name: String!, $label: String!) {\n    promptVersion(name: $name, label: $label) { version labels commitMessage }\n  }\n": typeof types.PromptByLabelDocument,
    "\n  query RenderPrompt($name: String!, $version: Int!, $variables: JSON!) {\n    renderPrompt(name: $name, version: $version, variables: $variables) {\n      type\n      text\n      messages { role content }\n      config\n    }\n  }\n": typeof types.RenderPromptDocument,
    "\n  query DiffPromptVersions($name: String!, $from: Int!, $to: Int!) {\n    diffPromptVersions(name: $name, from: $from, to: $to) {\n      typeChanged\n      variablesAdded\n      variablesRemoved\n      configChanges { key from to }\n      lines { op text }\n    }\n  }\n": typeof types.DiffPromptVersionsDocument,
    "\n  query PromptSummary($name: String!) {\n    prompt(name: $name) {\n      versionCount\n      labels { label version }\n    }\n  }\n": typeof types.PromptSummaryDocument,
    "\n  query PromptVersionSummary($name: String!, $version: Int!) {\n    promptVersion(name: $name, version: $version) {\n      version\n      type\n      labels\n      commitMessage\n      variables { name }\n    }\n  }\n": typeof types.PromptVersionSummaryDocument,
    "\n  mutation SetPromptLabel($input: SetPromptLabelInput!) {\n    setPromptLabel(input: $input) { version labels }\n  }\n": typeof types.SetPromptLabelDocument,
    "\n  mutation RemovePromptLabel($input: RemovePromptLabelInput!) {\n    removePromptLabel(input: $input) { name }\n  }\n": typeof types.RemovePromptLabelDocument,
    "\n  fragment ReportContentFields on ReportContent {\n    from to sections\n    lineage { events runs completedRuns failedRuns abortedRuns jobs datasets failingJobs { namespace name failedRuns completedRuns } newDatasets { count first } }\n    quality { checks failedChecks groups { id name checks failedChecks latestPassed } }\n    models {\n      registered { count first { model version at } }\n      stageChanges { count first { model version from to at actor } }\n      refused { count first { model version to at reason } }\n      aliasChanges\n    }\n    llm { calls inputTokens outputTokens costUsd previous { calls costUsd } byModel { model calls totalTokens costUsd latencyP50Ms latencyP99Ms } }\n    gpu { gpuHours gpus byPod { namespace pod gpus gpuHours meanUtilization } }\n    alerts { fired resolved firingAtEnd byRule { rule severity fired } }\n  }\n": typeof types.ReportContentFieldsFragmentDoc,
    "\n  query ReportSchedules { reportSchedules { id name cadence hourUtc weekday sections enabled createdAt createdBy } }\n": typeof types.ReportSchedulesDocument,
    "\n  query ScheduleReports($id: ID!) { reportSchedule(id: $id) { id reports(first: 30) { id name from to generatedAt } } }\n": typeof types.ScheduleReportsDocument,
    "\n  query Report($id: ID!) { report(id: $id) { id name from to generatedAt content { ...ReportContentFields } } }\n": typeof types.ReportDocument,
    "\n  query ComposeReport($from: DateTime!, $to: DateTime!) { composeReport(from: $from, to: $to) { ...ReportContentFields } }\n": typeof types.ComposeReportDocument,
    "\n  mutation CreateReportSchedule($input: ReportScheduleInput!) { createReportSchedule(input: $input) { id name } }\n": typeof types.CreateReportScheduleDocument,
    "\n  mutation UpdateReportSchedule($id: ID!, $input: ReportScheduleInput!) { updateReportSchedule(id: $id, input: $input) { id enabled } }\n": typeof types.UpdateReportScheduleDocument,
    "\n  mutation DeleteReportSchedule($id: ID!) { deleteReportSchedule(id: $id) { id deleted } }\n": typeof types.DeleteReportScheduleDocument,
    "\n  mutation RunReportSchedule($id: ID!) { runReportSchedule(id: $id) { id name from to } }\n": typeof types.RunReportScheduleDocument,
    "\n  query RunList($experiment: String, $statuses: [RunStatus!], $text: String, $first: Int!, $offset: Int!) {\n    runs(experiment: $experiment, statuses: $statuses, text: $text, first: $first, offset: $offset) {\n      total truncated\n      items { id runId name experiment status startedAt endedAt latestMetrics { key value } }\n    }\n  }\n": typeof types.RunListDocument,
    "\n  query ExperimentNames { experiments(first: 500) { id name } }\n": typeof types.ExperimentNamesDocument,
    "\n  query RunDetail($runId: String!, $maxPoints: Int!) {\n    trackedRun(runId: $runId) {\n      id runId name experiment status startedAt endedAt note\n      params { key value } tags { key value }\n      artifacts { path uri type sizeBytes loggedAt }\n      latestMetrics { key value step count min max }\n      metricHistory(maxPoints: $maxPoints) { runId key total points { step value } }\n      props\n    }\n  }\n": typeof types.RunDetailDocument,
    "\n  query RunTraining($runId: String!) { trainingRun(runId: $runId) { runId state } }\n": typeof types.RunTrainingDocument,
    "\n  mutation SetRunNote($runId: String!, $note: String!) { setRunNote(runId: $runId, note: $note) { runId note } }\n": typeof types.SetRunNoteDocument,
    "\n  query CompareRuns($runIds: [String!]!, $maxPoints: Int!) {\n    compareRuns(runIds: $runIds, maxPoints: $maxPoints) {\n      runs { id runId name experiment status }\n      params { key values differs }\n      metrics { runId key total points { step value } }\n    }\n  }\n": typeof types.CompareRunsDocument,
    "\n  query RunSection($runId: String!) {\n    trackedRun(runId: $runId) { runId name experiment status startedAt endedAt params { key value } latestMetrics { key value step } }\n  }\n": typeof types.RunSectionDocument,
    "\n  query ExperimentSection($name: String!) {\n    experiment(name: $name) { name description tags { key value } runs(first: 5) { total items { runId name status } } }\n  }\n": typeof types.ExperimentSectionDocument,
    "\n  fragment TraceSummaryFields on TraceSummary {\n    traceId\n    rootSpanName\n    service\n    start\n    durationMs\n    spanCount\n    llmCalls\n    error\n    errorCount\n    inputTokens\n    outputTokens\n    costUsd\n    models\n    prompts { name version }\n  }\n": typeof types.TraceSummaryFieldsFragmentDoc,
    "\n  query Traces($filter: TraceFilter, $first: Int!, $after: String) {\n    traces(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...TraceSummaryFields\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.TracesDocument,
    "\n  query Trace($traceId: ID!) {\n    trace(traceId: $traceId) {\n      truncated\n      summary {\n        ...TraceSummaryFields\n        end\n        runIds\n        modelVersions { name version }\n        node { id }\n      }\n      spans {\n        spanId\n        parentSpanId\n        name\n        kind\n        service\n        scope\n        depth\n        childCount\n        start\n        startOffsetMs\n        durationMs\n        statusCode\n        statusMessage\n        runId\n        llm { operation provider requestModel responseModel inputTokens outputTokens totalTokens costUsd promptName promptVersion }\n      }\n    }\n  }\n": typeof types.TraceDocument,
    "\n  query SpanDetails($traceId: ID!, $spanIds: [ID!]!) {\n    spanDetails(traceId: $traceId, spanIds: $spanIds) {\n      spanId\n      attributes\n      resourceAttributes\n      events { name time attributes }\n      links { traceId spanId attributes }\n    }\n  }\n": typeof types.SpanDetailsDocument,
    "\n  query LlmUsage($groupBy: LlmUsageGroup!, $from: DateTime, $to: DateTime, $service: String) {\n    llmUsage(groupBy: $groupBy, from: $from, to: $to, service: $service) {\n      model\n      promptName\n      promptVersion\n      calls\n      inputTokens\n      outputTokens\n      totalTokens\n      costUsd\n      latencyP50Ms\n      latencyP99Ms\n    }\n  }\n": typeof types.LlmUsageDocument,
    "\n  query TrainingRuns($activeOnly: Boolean!, $first: Int!, $offset: Int!) {\n    trainingRuns(activeOnly: $activeOnly, first: $first, offset: $offset) {\n      total\n      items { id runId name experiment state reason requestedAt stateChangedAt image resources { cpu memory gpu gpuType } workers }\n    }\n  }\n": typeof types.TrainingRunsDocument,
    "\n  query TrainingQuota { trainingQuota { gpu cpu usedGpu usedCpu activeRuns } }\n": typeof types.TrainingQuotaDocument,
    "\n  query TrainingRunDetail($runId: String!, $tailLines: Int!, $worker: Int!) {\n    trainingRun(runId: $runId) {\n      id runId requestId name experiment state reason message stateChangedAt requestedAt cancelRequestedAt\n      image command args env { name value } resources { cpu memory gpu gpuType } workers retries timeoutSeconds priority\n      datasets featureGroups placement { launcher namespace job pods }\n      logs(tailLines: $tailLines, worker: $worker)\n    }\n  }\n": typeof types.TrainingRunDetailDocument,
    "\n  mutation RequestTraining($input: RequestTrainingInput!) { requestTraining(input: $input) { runId state } }\n": typeof types.RequestTrainingDocument,
    "\n  mutation CancelTraining($runId: String!) { cancelTraining(runId: $runId) { runId state reason } }\n": typeof types.CancelTrainingDocument,
    "\n  query TrainingSection($runId: String!) {\n    trainingRun(runId: $runId) { runId state reason image resources { cpu memory gpu gpuType } requestedAt }\n  }\n": typeof types.TrainingSectionDocument,
    "\n  query SearchDatasets($text: String!, $kinds: [NodeKind!]) {\n    search(text: $text, kinds: $kinds, first: 8) { id kind namespace name }\n  }\n": typeof types.SearchDatasetsDocument,
};
const documents: Documents = {
    "\n  query SearchNodes($text: String!, $kinds: [NodeKind!], $first: Int!) {\n    search(text: $text, kinds: $kinds, first: $first) {\n      id\n      kind\n      namespace\n      name\n    }\n  }\n": types.SearchNodesDocument,
    "\n  query Lineage($nodeId: ID!, $direction: Direction!, $depth: Int!, $limit: Int!, $asOf: DateTime) {\n    lineage(nodeId: $nodeId, direction: $direction, depth: $depth, limit: $limit, asOf: $asOf) {\n      ...LineageResult\n    }\n  }\n": types.LineageDocument,
    "\n  query HopAsOf($nodeId: ID!, $direction: Direction!, $limit: Int!, $asOf: DateTime) {\n    lineage(nodeId: $nodeId, direction: $direction, depth: 1, limit: $limit, asOf: $asOf) {\n      ...LineageResult\n    }\n    lineageCount(nodeId: $nodeId, direction: $direction, depth: 1, asOf: $asOf) {\n      byDistance { distance count }\n    }\n  }\n": types.HopAsOfDocument,
    "\n  query ColumnLineage($nodeId: ID!, $direction: Direction!, $depth: Int!, $limit: Int!, $asOf: DateTime) {\n    columnLineage(nodeId: $nodeId, direction: $direction, depth: $depth, limit: $limit, asOf: $asOf) {\n      ...LineageResult\n    }\n  }\n": types.ColumnLineageDocument,
    "\n  fragment LineageResult on Lineage {\n    root {\n      id\n      kind\n      namespace\n      name\n      validTo\n      gaps { from to }\n    }\n    nodes {\n      distance\n      node {\n        id\n        kind\n        namespace\n        name\n      }\n    }\n    edges {\n      kind\n      from\n      to\n    }\n    isPartial\n    cut {\n      reason\n      depth\n    }\n  }\n": types.LineageResultFragmentDoc,
    "\n  query Neighbours($id: ID!, $direction: Direction!, $first: Int!, $offset: Int!) {\n    node(id: $id) {\n      ... on GraphNode {\n        neighbours(direction: $direction, first: $first, offset: $offset, lineageOnly: true) {\n          total\n          items {\n            node {\n              id\n              kind\n              namespace\n              name\n            }\n            edge {\n              kind\n              from\n              to\n            }\n          }\n        }\n      }\n    }\n  }\n": types.NeighboursDocument,
    "\n  query ImpactUsage($nodeId: ID!, $depth: Int!, $asOf: DateTime) {\n    impact(nodeId: $nodeId, depth: $depth, asOf: $asOf) { usage { windowDays modelVersions promptVersions llmCalls llmErrors llmTokens llmCostUsd trainingRuns gpuHours gpuRunsRead } }\n  }\n": types.ImpactUsageDocument,
    "\n  query Impact($nodeId: ID!, $depth: Int!, $asOf: DateTime) {\n    impact(nodeId: $nodeId, depth: $depth, asOf: $asOf) {\n      total\n      isPartial\n      cut {\n        reason\n        depth\n      }\n      root {\n        id\n        kind\n        name\n      }\n      groups {\n        kind\n        distance\n        count\n        nodes {\n          node {\n            id\n            kind\n            namespace\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ImpactDocument,
    "\n  query NodeDetails($id: ID!) {\n    node(id: $id) {\n      id\n      kind\n      namespace\n      name\n      props\n      createdAt\n      updatedAt\n      validTo\n      gaps { from to }\n    }\n  }\n": types.NodeDetailsDocument,
    "\n  mutation DeleteNode($id: ID!) {\n    deleteNode(nodeId: $id) { id validTo }\n  }\n": types.DeleteNodeDocument,
    "\n  mutation RestoreNode($id: ID!) {\n    restoreNode(nodeId: $id) { id validTo }\n  }\n": types.RestoreNodeDocument,
    "\n  query SchemaChanges($nodeId: ID!, $first: Int!) {\n    schemaChanges(nodeId: $nodeId, first: $first) { at fromVersion toVersion added { name type } removed { name type } changed { name from to } }\n  }\n": types.SchemaChangesDocument,
    "\n  query ReceivedEvents($runId: ID, $jobNamespace: String, $jobName: String, $datasetNamespace: String, $datasetName: String, $first: Int!) {\n    lineageEvents(runId: $runId, jobNamespace: $jobNamespace, jobName: $jobName, datasetNamespace: $datasetNamespace, datasetName: $datasetName, first: $first) {\n      totalCount\n      events\n    }\n  }\n": types.ReceivedEventsDocument,
    "\n  fragment RelationPage on NeighbourPage {\n    total\n    items {\n      edge { kind from to props validFrom validTo }\n      node { id kind namespace name props createdAt updatedAt tags { name } }\n    }\n  }\n": types.RelationPageFragmentDoc,
    "\n  query NodeRelations($id: ID!, $first: Int!) {\n    node(id: $id) {\n      ... on GraphNode {\n        id\n        fields: neighbours(direction: DOWNSTREAM, edgeKinds: [\"HAS_FIELD\"], first: $first) { ...RelationPage }\n        versions: neighbours(direction: DOWNSTREAM, edgeKinds: [\"HAS_VERSION\"], first: $first) { ...RelationPage }\n        owner: neighbours(direction: UPSTREAM, edgeKinds: [\"HAS_VERSION\", \"HAS_FIELD\"], first: 1) { ...RelationPage }\n        readBy: neighbours(direction: DOWNSTREAM, edgeKinds: [\"READ_BY\"], first: $first) { ...RelationPage }\n        runs: neighbours(direction: UPSTREAM, edgeKinds: [\"WROTE\", \"RAN\", \"RUN_OF\"], first: $first) { ...RelationPage }\n        inputs: neighbours(direction: UPSTREAM, edgeKinds: [\"INPUT_TO\"], first: $first) { ...RelationPage }\n        outputs: neighbours(direction: DOWNSTREAM, edgeKinds: [\"OUTPUT\"], first: $first) { ...RelationPage }\n        derivedFrom: neighbours(direction: UPSTREAM, edgeKinds: [\"DERIVES\"], first: $first) { ...RelationPage }\n        derives: neighbours(direction: DOWNSTREAM, edgeKinds: [\"DERIVES\"], first: $first) { ...RelationPage }\n      }\n    }\n  }\n": types.NodeRelationsDocument,
    "\n  query DatasetColumns($id: ID!, $first: Int!) {\n    node(id: $id) {\n      ... on GraphNode {\n        id\n        neighbours(direction: DOWNSTREAM, first: $first, edgeKinds: [\"HAS_FIELD\"], ended: true) {\n          items {\n            edge { validTo gaps { from to } }\n            node { id kind namespace name props createdAt updatedAt tags { name } }\n          }\n        }\n      }\n    }\n  }\n": types.DatasetColumnsDocument,
    "\n  query LineageChanges($id: ID!, $first: Int!) {\n    lineageChanges(nodeId: $id, first: $first) {\n      total\n      isPartial\n      items { at change relation node { id kind name } }\n    }\n  }\n": types.LineageChangesDocument,
    "\n  query NodeAbout($id: ID!) {\n    node(id: $id) {\n      ... on GraphNode {\n        id\n        description { text source setBy { name role } setAt }\n        owners { items { name type } source setBy { name role } setAt }\n      }\n    }\n  }\n": types.NodeAboutDocument,
    "\n  mutation DescribeNode($id: ID!, $description: String) {\n    describeNode(nodeId: $id, description: $description) { id }\n  }\n": types.DescribeNodeDocument,
    "\n  mutation SetOwners($id: ID!, $owners: [OwnerInput!]!) {\n    setOwners(nodeId: $id, owners: $owners) { id }\n  }\n": types.SetOwnersDocument,
    "\n  query NodeTags($id: ID!) {\n    node(id: $id) {\n      ... on GraphNode {\n        id\n        tags { name source at actor { name role } }\n      }\n    }\n    tags(first: 1000) { items { name } }\n  }\n": types.NodeTagsDocument,
    "\n  mutation TagNode($id: ID!, $tag: String!) {\n    tagNode(nodeId: $id, tag: $tag) { id }\n  }\n": types.TagNodeDocument,
    "\n  mutation UntagNode($id: ID!, $tag: String!) {\n    untagNode(nodeId: $id, tag: $tag) { id }\n  }\n": types.UntagNodeDocument,
    "\n  query TagList {\n    tags(first: 1000) { items { name } }\n  }\n": types.TagListDocument,
    "\n  query TagOverlay($tag: String!) {\n    tagged(tag: $tag, first: 500) { total items { id } }\n    tagReach(tag: $tag, depth: 10, first: 2000) { isPartial reached { node { id } } }\n  }\n": types.TagOverlayDocument,
    "\n  query TagDetails($tag: String!) {\n    tagged(tag: $tag, first: 200) { total items { id kind namespace name props createdAt updatedAt } }\n    tagReach(tag: $tag, depth: 5, first: 200) {\n      isPartial\n      reached { distance from node { id kind namespace name props createdAt updatedAt } }\n    }\n  }\n": types.TagDetailsDocument,
    "\n  query Viewer {\n    viewer {\n      tenant\n      role\n    }\n  }\n": types.ViewerDocument,
    "\n  query RecentlyActive($first: Int!) {\n    recentlyActive(first: $first) { id kind namespace name updatedAt }\n  }\n": types.RecentlyActiveDocument,
    "\n  query AlertsPage {\n    alerts(states: [PENDING, FIRING]) { id ruleId ruleName source severity labels state value noData op threshold pendingSince firedAt subjectId }\n    alertRules {\n      id name description source metric labels { key value } service aggregation measure llmOnly alertOnNoData op threshold windowSeconds forSeconds severity\n      enabled silencedUntil createdAt createdBy lastEvaluatedAt lastSeries lastTruncated lastError\n    }\n  }\n": types.AlertsPageDocument,
    "\n  query AlertHistory($ruleId: ID!) { alerts(ruleId: $ruleId, states: [FIRING, RESOLVED], first: 50) { id source labels state value noData pendingSince firedAt closedAt closeReason subjectId } }\n": types.AlertHistoryDocument,
    "\n  query PreviewAlertRule($input: AlertRuleInput!) { previewAlertRule(input: $input) { from to truncated series { labels value samples breaching } } }\n": types.PreviewAlertRuleDocument,
    "\n  mutation CreateAlertRule($input: AlertRuleInput!) { createAlertRule(input: $input) { id name } }\n": types.CreateAlertRuleDocument,
    "\n  mutation SetAlertRuleEnabled($id: ID!, $enabled: Boolean!) { setAlertRuleEnabled(id: $id, enabled: $enabled) { id enabled } }\n": types.SetAlertRuleEnabledDocument,
    "\n  mutation DeleteAlertRule($id: ID!) { deleteAlertRule(id: $id) { id deletedAt } }\n": types.DeleteAlertRuleDocument,
    "\n  query NodeAlerts($nodeId: ID!) { alerts(nodeId: $nodeId, states: [PENDING, FIRING, RESOLVED], first: 20) { id ruleName severity labels state value noData op threshold pendingSince firedAt closedAt } }\n": types.NodeAlertsDocument,
    "\n  mutation UpdateAlertRule($id: ID!, $input: AlertRuleInput!) { updateAlertRule(id: $id, input: $input) { id name } }\n": types.UpdateAlertRuleDocument,
    "\n  mutation SilenceAlertRule($id: ID!, $minutes: Int!) { silenceAlertRule(id: $id, minutes: $minutes) { id silencedUntil } }\n": types.SilenceAlertRuleDocument,
    "\n  query Webhooks { webhookFormats webhooks { id url events format minSeverity description secretHint createdAt deliveries { id event state ok attempts status error at } } }\n": types.WebhooksDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id url format } } }\n": types.CreateWebhookDocument,
    "\n  mutation TestWebhook($id: ID!) { testWebhook(id: $id) { id ok status error } }\n": types.TestWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) { id deletedAt } }\n": types.DeleteWebhookDocument,
    "\n  query FeatureGroups($search: String) {\n    featureGroups(search: $search, first: 500) { id namespace name description entity version definedAt sources { id namespace name } features { name } stats { entities lastEventTime } }\n  }\n": types.FeatureGroupsDocument,
    "\n  query FeatureGroup($namespace: String!, $name: String!) {\n    featureGroup(namespace: $namespace, name: $name) {\n      id namespace name description entity version definedAt owner ttlSeconds definedBy { name role }\n      source { id namespace name }\n      sources { id namespace name }\n      features { id name type dimension description sourceFields transformation source { id name } }\n      stats { entities values firstEventTime lastEventTime lastWrittenAt }\n      featureStats { feature entities nulls min max mean distinctStrings lastEventTime }\n      validation { at success results { expectation { kind feature min max values mostly } success observed evaluated } }\n      validations(first: 10) { at success validatedBy { name role } results { success } }\n    }\n  }\n": types.FeatureGroupDocument,
    "\n  query FeatureGroupDefinitions($namespace: String!, $name: String!, $asOf: DateTime) {\n    featureGroup(namespace: $namespace, name: $name) {\n      id\n      definitions(first: 50, asOf: $asOf) {\n        version definedAt definedBy { name role } droppedAt droppedBy { name role }\n        features { name type dimension sourceFields }\n        changes { kind feature before after }\n      }\n    }\n  }\n": types.FeatureGroupDefinitionsDocument,
    "\n  query OnlineFeatures($entityIds: [String!]!, $features: [FeatureSelectionInput!]!) {\n    onlineFeatures(entityIds: $entityIds, features: $features) { entityId at values { feature value eventTime status } }\n  }\n": types.OnlineFeaturesDocument,
    "\n  query PointInTimeFeatures($rows: [EntityAtInput!]!, $features: [FeatureSelectionInput!]!) {\n    pointInTimeFeatures(rows: $rows, features: $features) { entityId at values { feature value eventTime status } }\n  }\n": types.PointInTimeFeaturesDocument,
    "\n  mutation ValidateFeatureGroup($namespace: String!, $name: String!) { validateFeatureGroup(namespace: $namespace, name: $name) { id validation { at success } } }\n": types.ValidateFeatureGroupDocument,
    "\n  query FeatureGroupDefined($namespace: String!, $name: String!) { featureGroup(namespace: $namespace, name: $name) { id version definedAt definedBy { name role } } }\n": types.FeatureGroupDefinedDocument,
    "\n  query FeatureServices { featureServices { id name description entity definedAt definedBy features { namespace group feature } } }\n": types.FeatureServicesDocument,
    "\n  mutation DefineFeatureService($input: FeatureServiceInput!) { defineFeatureService(input: $input) { id name } }\n": types.DefineFeatureServiceDocument,
    "\n  mutation DropFeatureService($name: String!) { dropFeatureService(name: $name) { id } }\n": types.DropFeatureServiceDocument,
    "\n  query GpuDevices($from: DateTime, $limit: Int!) {\n    gpus(from: $from, limit: $limit) { gpuUuid host model gpuIndex pods runs { runId name pod startedAt endedAt } firstSeen lastSeen }\n  }\n": types.GpuDevicesDocument,
    "\n  query RunGpuSeries($runId: String!, $metrics: [GpuMetric!], $to: DateTime, $maxPoints: Int) {\n    runGpuSeries(runId: $runId, metrics: $metrics, to: $to, maxPoints: $maxPoints) {\n      stepSeconds source from to truncated\n      placement { namespace pods startedAt endedAt }\n      series { gpuUuid metric unit namespace pod host model gpuIndex points { time avg min max } }\n    }\n  }\n": types.RunGpuSeriesDocument,
    "\n  query GpuSeries($gpuUuid: String!, $metrics: [GpuMetric!], $from: DateTime, $maxPoints: Int) {\n    gpuSeries(gpuUuid: $gpuUuid, metrics: $metrics, from: $from, maxPoints: $maxPoints) {\n      stepSeconds source from to truncated\n      series { gpuUuid metric unit namespace pod host model gpuIndex points { time avg min max } }\n    }\n  }\n": types.GpuSeriesDocument,
    "\n  query RunGpuSummary($runId: String!) {\n    runGpuSummary(runId: $runId) {\n      runId gpuCount gpuHours meanUtilization maxMemoryUsedBytes meanPowerWatts energyKwh\n      placement { namespace pods startedAt endedAt }\n      gpus { gpuUuid host model pod hours meanUtilization maxMemoryUsedBytes meanPowerWatts }\n    }\n  }\n": types.RunGpuSummaryDocument,
    "\n  query ApiKeys { apiKeys { id prefix role name createdAt createdBy runId revokedAt revokedBy lastUsedAt expiresAt current namespaces } }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($role: String!, $name: String, $expiresInDays: Int, $namespaces: [String!]) {\n    createApiKey(role: $role, name: $name, expiresInDays: $expiresInDays, namespaces: $namespaces) { key apiKey { id prefix role expiresAt namespaces } }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n": types.RevokeApiKeyDocument,
    "\n  query RegisteredModels($first: Int!, $offset: Int!, $search: String) {\n    registeredModels(first: $first, offset: $offset, search: $search) {\n      id\n      name\n      description\n      versionCount\n      aliases { alias version since }\n      latestVersions { version stage stageSince }\n    }\n  }\n": types.RegisteredModelsDocument,
    "\n  query RegisteredModel($name: String!, $asOf: DateTime) {\n    registeredModel(name: $name, asOf: $asOf) {\n      id\n      name\n      description\n      asOf\n      versionCount\n      tags { key value }\n      aliases { alias version since }\n      gates { index kind stages aliases metric source op threshold depth plugin params }\n      latestVersions { version stage stageSince }\n      versions(first: 200) {\n        id\n        version\n        stage\n        stageSince\n        aliases\n        modelUri\n        flavor\n        description\n        runId\n        registeredAt\n        registeredBy { name role }\n        tags { key value }\n      }\n      history(first: 200) {\n        seq\n        type\n        version\n        at\n        actor { name role }\n        fromStage\n        toStage\n        pointer\n        previousVersion\n        reason\n        outcome\n        rejectionCode\n        rejectionMessage\n        gates { gate kind passed detail }\n      }\n    }\n  }\n": types.RegisteredModelDocument,
    "\n  mutation TransitionStage($input: TransitionStageInput!) {\n    transitionModelVersionStage(input: $input) { version stage stageSince }\n  }\n": types.TransitionStageDocument,
    "\n  mutation SetModelAlias($input: SetModelAliasInput!) {\n    setModelAlias(input: $input) { version aliases }\n  }\n": types.SetModelAliasDocument,
    "\n  mutation DeleteModelAlias($input: DeleteModelAliasInput!) {\n    deleteModelAlias(input: $input) { name }\n  }\n": types.DeleteModelAliasDocument,
    "\n  query ModelSummary($name: String!) {\n    registeredModel(name: $name) {\n      versionCount\n      aliases { alias version }\n      latestVersions { version stage }\n    }\n  }\n": types.ModelSummaryDocument,
    "\n  query ModelVersionSummary($name: String!, $version: Int!) {\n    modelVersion(name: $name, version: $version) {\n      version\n      stage\n      stageSince\n      aliases\n      modelUri\n      flavor\n      runId\n      evaluations { id name evaluatedAt metrics { key value } }\n    }\n  }\n": types.ModelVersionSummaryDocument,
    "\n  query ModelEvaluations($name: String!) {\n    registeredModel(name: $name) { versions(first: 100) { version evaluations { id name evaluatedAt task examples metrics { key value } judging { state judged total unreadable error } } } }\n  }\n": types.ModelEvaluationsDocument,
    "\n  query PromptEvaluations($name: String!) {\n    prompt(name: $name) { versions(first: 100) { version evaluations { id name evaluatedAt task examples metrics { key value } judging { state judged total unreadable error } } } }\n  }\n": types.PromptEvaluationsDocument,
    "\n  query CompareEvaluations($ids: [ID!]!, $onlyDiffering: Boolean!) {\n    compareEvaluations(evaluationIds: $ids, onlyDiffering: $onlyDiffering, first: 200) {\n      total\n      metrics { key values }\n      examples { exampleId input reference predictions scores }\n    }\n  }\n": types.CompareEvaluationsDocument,
    "\n  mutation JudgeEvaluation($id: ID!, $criteria: [String!]!) { judgeEvaluation(evaluationId: $id, criteria: $criteria) { id judging { state judged total } } }\n": types.JudgeEvaluationDocument,
    "\n  mutation EvaluateTraces($input: EvaluateTracesInput!, $criteria: [String!]) { evaluateTraces(input: $input, criteria: $criteria) { id examples judging { state total } } }\n": types.EvaluateTracesDocument,
    "\n  mutation SetPromotionGates($input: SetPromotionGatesInput!) {\n    setPromotionGates(input: $input) { id gates { index } }\n  }\n": types.SetPromotionGatesDocument,
    "\n  query PluginGates {\n    plugins { name promotionGates { name description } }\n  }\n": types.PluginGatesDocument,
    "\n  query Plugins {\n    plugins { name version module renamesDatasets facets { facet owners } promotionGates { name description } webhookFormats { name description } errors { count lastAt lastMessage } usage { calls totalMs slowestMs } }\n  }\n": types.PluginsDocument,
    "\n  query Prompts($first: Int!, $offset: Int!, $search: String) {\n    prompts(first: $first, offset: $offset, search: $search) {\n      id\n      name\n      description\n      versionCount\n      createdAt\n      labels { label version since }\n    }\n  }\n": types.PromptsDocument,
    "\n  query Prompt($name: String!) {\n    prompt(name: $name) {\n      id\n      name\n      description\n      versionCount\n      tags { key value }\n      labels { label version since }\n      versions(first: 200) {\n        id\n        version\n        type\n        text\n        messages { role content }\n        commitMessage\n        config\n        labels\n        createdAt\n        createdBy { name role }\n        modelVersionId\n        variables { name required default description }\n      }\n      history(first: 200) {\n        seq\n        type\n        version\n        at\n        actor { name role }\n        pointer\n        previousVersion\n        reason\n        outcome\n        rejectionCode\n        rejectionMessage\n      }\n    }\n  }\n": types.PromptDocument,
    "\n  query PromptByLabel($name: String!, $label: String!) {\n    promptVersion(name: $name, label: $label) { version labels commitMessage }\n  }\n": types.PromptByLabelDocument,
    "\n  query RenderPrompt($name: String!, $version: Int!, $variables: JSON!) {\n    renderPrompt(name: $name, version: $version, variables: $variables) {\n      type\n      text\n      messages { role content }\n      config\n    }\n  }\n": types.RenderPromptDocument,
    "\n  query DiffPromptVersions($name: String!, $from: Int!, $to: Int!) {\n    diffPromptVersions(name: $name, from: $from, to: $to) {\n      typeChanged\n      variablesAdded\n      variablesRemoved\n      configChanges { key from to }\n      lines { op text }\n    }\n  }\n": types.DiffPromptVersionsDocument,
    "\n  query PromptSummary($name: String!) {\n    prompt(name: $name) {\n      versionCount\n      labels { label version }\n    }\n  }\n": types.PromptSummaryDocument,
    "\n  query PromptVersionSummary($name: String!, $version: Int!) {\n    promptVersion(name: $name, version: $version) {\n      version\n      type\n      labels\n      commitMessage\n      variables { name }\n    }\n  }\n": types.PromptVersionSummaryDocument,
    "\n  mutation SetPromptLabel($input: SetPromptLabelInput!) {\n    setPromptLabel(input: $input) { version labels }\n  }\n": types.SetPromptLabelDocument,
    "\n  mutation RemovePromptLabel($input: RemovePromptLabelInput!) {\n    removePromptLabel(input: $input) { name }\n  }\n": types.RemovePromptLabelDocument,
    "\n  fragment ReportContentFields on ReportContent {\n    from to sections\n    lineage { events runs completedRuns failedRuns abortedRuns jobs datasets failingJobs { namespace name failedRuns completedRuns } newDatasets { count first } }\n    quality { checks failedChecks groups { id name checks failedChecks latestPassed } }\n    models {\n      registered { count first { model version at } }\n      stageChanges { count first { model version from to at actor } }\n      refused { count first { model version to at reason } }\n      aliasChanges\n    }\n    llm { calls inputTokens outputTokens costUsd previous { calls costUsd } byModel { model calls totalTokens costUsd latencyP50Ms latencyP99Ms } }\n    gpu { gpuHours gpus byPod { namespace pod gpus gpuHours meanUtilization } }\n    alerts { fired resolved firingAtEnd byRule { rule severity fired } }\n  }\n": types.ReportContentFieldsFragmentDoc,
    "\n  query ReportSchedules { reportSchedules { id name cadence hourUtc weekday sections enabled createdAt createdBy } }\n": types.ReportSchedulesDocument,
    "\n  query ScheduleReports($id: ID!) { reportSchedule(id: $id) { id reports(first: 30) { id name from to generatedAt } } }\n": types.ScheduleReportsDocument,
    "\n  query Report($id: ID!) { report(id: $id) { id name from to generatedAt content { ...ReportContentFields } } }\n": types.ReportDocument,
    "\n  query ComposeReport($from: DateTime!, $to: DateTime!) { composeReport(from: $from, to: $to) { ...ReportContentFields } }\n": types.ComposeReportDocument,
    "\n  mutation CreateReportSchedule($input: ReportScheduleInput!) { createReportSchedule(input: $input) { id name } }\n": types.CreateReportScheduleDocument,
    "\n  mutation UpdateReportSchedule($id: ID!, $input: ReportScheduleInput!) { updateReportSchedule(id: $id, input: $input) { id enabled } }\n": types.UpdateReportScheduleDocument,
    "\n  mutation DeleteReportSchedule($id: ID!) { deleteReportSchedule(id: $id) { id deleted } }\n": types.DeleteReportScheduleDocument,
    "\n  mutation RunReportSchedule($id: ID!) { runReportSchedule(id: $id) { id name from to } }\n": types.RunReportScheduleDocument,
    "\n  query RunList($experiment: String, $statuses: [RunStatus!], $text: String, $first: Int!, $offset: Int!) {\n    runs(experiment: $experiment, statuses: $statuses, text: $text, first: $first, offset: $offset) {\n      total truncated\n      items { id runId name experiment status startedAt endedAt latestMetrics { key value } }\n    }\n  }\n": types.RunListDocument,
    "\n  query ExperimentNames { experiments(first: 500) { id name } }\n": types.ExperimentNamesDocument,
    "\n  query RunDetail($runId: String!, $maxPoints: Int!) {\n    trackedRun(runId: $runId) {\n      id runId name experiment status startedAt endedAt note\n      params { key value } tags { key value }\n      artifacts { path uri type sizeBytes loggedAt }\n      latestMetrics { key value step count min max }\n      metricHistory(maxPoints: $maxPoints) { runId key total points { step value } }\n      props\n    }\n  }\n": types.RunDetailDocument,
    "\n  query RunTraining($runId: String!) { trainingRun(runId: $runId) { runId state } }\n": types.RunTrainingDocument,
    "\n  mutation SetRunNote($runId: String!, $note: String!) { setRunNote(runId: $runId, note: $note) { runId note } }\n": types.SetRunNoteDocument,
    "\n  query CompareRuns($runIds: [String!]!, $maxPoints: Int!) {\n    compareRuns(runIds: $runIds, maxPoints: $maxPoints) {\n      runs { id runId name experiment status }\n      params { key values differs }\n      metrics { runId key total points { step value } }\n    }\n  }\n": types.CompareRunsDocument,
    "\n  query RunSection($runId: String!) {\n    trackedRun(runId: $runId) { runId name experiment status startedAt endedAt params { key value } latestMetrics { key value step } }\n  }\n": types.RunSectionDocument,
    "\n  query ExperimentSection($name: String!) {\n    experiment(name: $name) { name description tags { key value } runs(first: 5) { total items { runId name status } } }\n  }\n": types.ExperimentSectionDocument,
    "\n  fragment TraceSummaryFields on TraceSummary {\n    traceId\n    rootSpanName\n    service\n    start\n    durationMs\n    spanCount\n    llmCalls\n    error\n    errorCount\n    inputTokens\n    outputTokens\n    costUsd\n    models\n    prompts { name version }\n  }\n": types.TraceSummaryFieldsFragmentDoc,
    "\n  query Traces($filter: TraceFilter, $first: Int!, $after: String) {\n    traces(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...TraceSummaryFields\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.TracesDocument,
    "\n  query Trace($traceId: ID!) {\n    trace(traceId: $traceId) {\n      truncated\n      summary {\n        ...TraceSummaryFields\n        end\n        runIds\n        modelVersions { name version }\n        node { id }\n      }\n      spans {\n        spanId\n        parentSpanId\n        name\n        kind\n        service\n        scope\n        depth\n        childCount\n        start\n        startOffsetMs\n        durationMs\n        statusCode\n        statusMessage\n        runId\n        llm { operation provider requestModel responseModel inputTokens outputTokens totalTokens costUsd promptName promptVersion }\n      }\n    }\n  }\n": types.TraceDocument,
    "\n  query SpanDetails($traceId: ID!, $spanIds: [ID!]!) {\n    spanDetails(traceId: $traceId, spanIds: $spanIds) {\n      spanId\n      attributes\n      resourceAttributes\n      events { name time attributes }\n      links { traceId spanId attributes }\n    }\n  }\n": types.SpanDetailsDocument,
    "\n  query LlmUsage($groupBy: LlmUsageGroup!, $from: DateTime, $to: DateTime, $service: String) {\n    llmUsage(groupBy: $groupBy, from: $from, to: $to, service: $service) {\n      model\n      promptName\n      promptVersion\n      calls\n      inputTokens\n      outputTokens\n      totalTokens\n      costUsd\n      latencyP50Ms\n      latencyP99Ms\n    }\n  }\n": types.LlmUsageDocument,
    "\n  query TrainingRuns($activeOnly: Boolean!, $first: Int!, $offset: Int!) {\n    trainingRuns(activeOnly: $activeOnly, first: $first, offset: $offset) {\n      total\n      items { id runId name experiment state reason requestedAt stateChangedAt image resources { cpu memory gpu gpuType } workers }\n    }\n  }\n": types.TrainingRunsDocument,
    "\n  query TrainingQuota { trainingQuota { gpu cpu usedGpu usedCpu activeRuns } }\n": types.TrainingQuotaDocument,
    "\n  query TrainingRunDetail($runId: String!, $tailLines: Int!, $worker: Int!) {\n    trainingRun(runId: $runId) {\n      id runId requestId name experiment state reason message stateChangedAt requestedAt cancelRequestedAt\n      image command args env { name value } resources { cpu memory gpu gpuType } workers retries timeoutSeconds priority\n      datasets featureGroups placement { launcher namespace job pods }\n      logs(tailLines: $tailLines, worker: $worker)\n    }\n  }\n": types.TrainingRunDetailDocument,
    "\n  mutation RequestTraining($input: RequestTrainingInput!) { requestTraining(input: $input) { runId state } }\n": types.RequestTrainingDocument,
    "\n  mutation CancelTraining($runId: String!) { cancelTraining(runId: $runId) { runId state reason } }\n": types.CancelTrainingDocument,
    "\n  query TrainingSection($runId: String!) {\n    trainingRun(runId: $runId) { runId state reason image resources { cpu memory gpu gpuType } requestedAt }\n  }\n": types.TrainingSectionDocument,
    "\n  query SearchDatasets($text: String!, $kinds: [NodeKind!]) {\n    search(text: $text, kinds: $kinds, first: 8) { id kind namespace name }\n  }\n": types.SearchDatasetsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchNodes($text: String!, $kinds: [NodeKind!], $first: Int!) {\n    search(text: $text, kinds: $kinds, first: $first) {\n      id\n      kind\n      namespace\n      name\n    }\n  }\n"): typeof import('./graphql').SearchNodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Lineage($nodeId: ID!, $direction: Direction!, $depth: Int!, $limit: Int!, $asOf: DateTime) {\n    lineage(nodeId: $nodeId, direction: $direction, depth: $depth, limit: $limit, asOf: $asOf) {\n      ...LineageResult\n    }\n  }\n"): typeof import('./graphql').LineageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HopAsOf($nodeId: ID!, $direction: Direction!, $limit: Int!, $asOf: DateTime) {\n    lineage(nodeId: $nodeId, direction: $direction, depth: 1, limit: $limit, asOf: $asOf) {\n      ...LineageResult\n    }\n    lineageCount(nodeId: $nodeId, direction: $direction, depth: 1, asOf: $asOf) {\n      byDistance { distance count }\n    }\n  }\n"): typeof import('./graphql').HopAsOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ColumnLineage($nodeId: ID!, $direction: Direction!, $depth: Int!, $limit: Int!, $asOf: DateTime) {\n    columnLineage(nodeId: $nodeId, direction: $direction, depth: $depth, limit: $limit, asOf: $asOf) {\n      ...LineageResult\n    }\n  }\n"): typeof import('./graphql').ColumnLineageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LineageResult on Lineage {\n    root {\n      id\n      kind\n      namespace\n      name\n      validTo\n      gaps { from to }\n    }\n    nodes {\n      distance\n      node {\n        id\n        kind\n        namespace\n        name\n      }\n    }\n    edges {\n      kind\n      from\n      to\n    }\n    isPartial\n    cut {\n      reason\n      depth\n    }\n  }\n"): typeof import('./graphql').LineageResultFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Neighbours($id: ID!, $direction: Direction!, $first: Int!, $offset: Int!) {\n    node(id: $id) {\n      ... on GraphNode {\n        neighbours(direction: $direction, first: $first, offset: $offset, lineageOnly: true) {\n          total\n          items {\n            node {\n              id\n              kind\n              namespace\n              name\n            }\n            edge {\n              kind\n              from\n              to\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').NeighboursDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImpactUsage($nodeId: ID!, $depth: Int!, $asOf: DateTime) {\n    impact(nodeId: $nodeId, depth: $depth, asOf: $asOf) { usage { windowDays modelVersions promptVersions llmCalls llmErrors llmTokens llmCostUsd trainingRuns gpuHours gpuRunsRead } }\n  }\n"): typeof import('./graphql').ImpactUsageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Impact($nodeId: ID!, $depth: Int!, $asOf: DateTime) {\n    impact(nodeId: $nodeId, depth: $depth, asOf: $asOf) {\n      total\n      isPartial\n      cut {\n        reason\n        depth\n      }\n      root {\n        id\n        kind\n        name\n      }\n      groups {\n        kind\n        distance\n        count\n        nodes {\n          node {\n            id\n            kind\n            namespace\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ImpactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeDetails($id: ID!) {\n    node(id: $id) {\n      id\n      kind\n      namespace\n      name\n      props\n      createdAt\n      updatedAt\n      validTo\n      gaps { from to }\n    }\n  }\n"): typeof import('./graphql').NodeDetailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteNode($id: ID!) {\n    deleteNode(nodeId: $id) { id validTo }\n  }\n"): typeof import('./graphql').DeleteNodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreNode($id: ID!) {\n    restoreNode(nodeId: $id) { id validTo }\n  }\n"): typeof import('./graphql').RestoreNodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchemaChanges($nodeId: ID!, $first: Int!) {\n    schemaChanges(nodeId: $nodeId, first: $first) { at fromVersion toVersion added { name type } removed { name type } changed { name from to } }\n  }\n"): typeof import('./graphql').SchemaChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReceivedEvents($runId: ID, $jobNamespace: String, $jobName: String, $datasetNamespace: String, $datasetName: String, $first: Int!) {\n    lineageEvents(runId: $runId, jobNamespace: $jobNamespace, jobName: $jobName, datasetNamespace: $datasetNamespace, datasetName: $datasetName, first: $first) {\n      totalCount\n      events\n    }\n  }\n"): typeof import('./graphql').ReceivedEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RelationPage on NeighbourPage {\n    total\n    items {\n      edge { kind from to props validFrom validTo }\n      node { id kind namespace name props createdAt updatedAt tags { name } }\n    }\n  }\n"): typeof import('./graphql').RelationPageFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeRelations($id: ID!, $first: Int!) {\n    node(id: $id) {\n      ... on GraphNode {\n        id\n        fields: neighbours(direction: DOWNSTREAM, edgeKinds: [\"HAS_FIELD\"], first: $first) { ...RelationPage }\n        versions: neighbours(direction: DOWNSTREAM, edgeKinds: [\"HAS_VERSION\"], first: $first) { ...RelationPage }\n        owner: neighbours(direction: UPSTREAM, edgeKinds: [\"HAS_VERSION\", \"HAS_FIELD\"], first: 1) { ...RelationPage }\n        readBy: neighbours(direction: DOWNSTREAM, edgeKinds: [\"READ_BY\"], first: $first) { ...RelationPage }\n        runs: neighbours(direction: UPSTREAM, edgeKinds: [\"WROTE\", \"RAN\", \"RUN_OF\"], first: $first) { ...RelationPage }\n        inputs: neighbours(direction: UPSTREAM, edgeKinds: [\"INPUT_TO\"], first: $first) { ...RelationPage }\n        outputs: neighbours(direction: DOWNSTREAM, edgeKinds: [\"OUTPUT\"], first: $first) { ...RelationPage }\n        derivedFrom: neighbours(direction: UPSTREAM, edgeKinds: [\"DERIVES\"], first: $first) { ...RelationPage }\n        derives: neighbours(direction: DOWNSTREAM, edgeKinds: [\"DERIVES\"], first: $first) { ...RelationPage }\n      }\n    }\n  }\n"): typeof import('./graphql').NodeRelationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DatasetColumns($id: ID!, $first: Int!) {\n    node(id: $id) {\n      ... on GraphNode {\n        id\n        neighbours(direction: DOWNSTREAM, first: $first, edgeKinds: [\"HAS_FIELD\"], ended: true) {\n          items {\n            edge { validTo gaps { from to } }\n            node { id kind namespace name props createdAt updatedAt tags { name } }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DatasetColumnsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LineageChanges($id: ID!, $first: Int!) {\n    lineageChanges(nodeId: $id, first: $first) {\n      total\n      isPartial\n      items { at change relation node { id kind name } }\n    }\n  }\n"): typeof import('./graphql').LineageChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeAbout($id: ID!) {\n    node(id: $id) {\n      ... on GraphNode {\n        id\n        description { text source setBy { name role } setAt }\n        owners { items { name type } source setBy { name role } setAt }\n      }\n    }\n  }\n"): typeof import('./graphql').NodeAboutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DescribeNode($id: ID!, $description: String) {\n    describeNode(nodeId: $id, description: $description) { id }\n  }\n"): typeof import('./graphql').DescribeNodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOwners($id: ID!, $owners: [OwnerInput!]!) {\n    setOwners(nodeId: $id, owners: $owners) { id }\n  }\n"): typeof import('./graphql').SetOwnersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeTags($id: ID!) {\n    node(id: $id) {\n      ... on GraphNode {\n        id\n        tags { name source at actor { name role } }\n      }\n    }\n    tags(first: 1000) { items { name } }\n  }\n"): typeof import('./graphql').NodeTagsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TagNode($id: ID!, $tag: String!) {\n    tagNode(nodeId: $id, tag: $tag) { id }\n  }\n"): typeof import('./graphql').TagNodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UntagNode($id: ID!, $tag: String!) {\n    untagNode(nodeId: $id, tag: $tag) { id }\n  }\n"): typeof import('./graphql').UntagNodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TagList {\n    tags(first: 1000) { items { name } }\n  }\n"): typeof import('./graphql').TagListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TagOverlay($tag: String!) {\n    tagged(tag: $tag, first: 500) { total items { id } }\n    tagReach(tag: $tag, depth: 10, first: 2000) { isPartial reached { node { id } } }\n  }\n"): typeof import('./graphql').TagOverlayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TagDetails($tag: String!) {\n    tagged(tag: $tag, first: 200) { total items { id kind namespace name props createdAt updatedAt } }\n    tagReach(tag: $tag, depth: 5, first: 200) {\n      isPartial\n      reached { distance from node { id kind namespace name props createdAt updatedAt } }\n    }\n  }\n"): typeof import('./graphql').TagDetailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      tenant\n      role\n    }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecentlyActive($first: Int!) {\n    recentlyActive(first: $first) { id kind namespace name updatedAt }\n  }\n"): typeof import('./graphql').RecentlyActiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertsPage {\n    alerts(states: [PENDING, FIRING]) { id ruleId ruleName source severity labels state value noData op threshold pendingSince firedAt subjectId }\n    alertRules {\n      id name description source metric labels { key value } service aggregation measure llmOnly alertOnNoData op threshold windowSeconds forSeconds severity\n      enabled silencedUntil createdAt createdBy lastEvaluatedAt lastSeries lastTruncated lastError\n    }\n  }\n"): typeof import('./graphql').AlertsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertHistory($ruleId: ID!) { alerts(ruleId: $ruleId, states: [FIRING, RESOLVED], first: 50) { id source labels state value noData pendingSince firedAt closedAt closeReason subjectId } }\n"): typeof import('./graphql').AlertHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewAlertRule($input: AlertRuleInput!) { previewAlertRule(input: $input) { from to truncated series { labels value samples breaching } } }\n"): typeof import('./graphql').PreviewAlertRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAlertRule($input: AlertRuleInput!) { createAlertRule(input: $input) { id name } }\n"): typeof import('./graphql').CreateAlertRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAlertRuleEnabled($id: ID!, $enabled: Boolean!) { setAlertRuleEnabled(id: $id, enabled: $enabled) { id enabled } }\n"): typeof import('./graphql').SetAlertRuleEnabledDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAlertRule($id: ID!) { deleteAlertRule(id: $id) { id deletedAt } }\n"): typeof import('./graphql').DeleteAlertRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeAlerts($nodeId: ID!) { alerts(nodeId: $nodeId, states: [PENDING, FIRING, RESOLVED], first: 20) { id ruleName severity labels state value noData op threshold pendingSince firedAt closedAt } }\n"): typeof import('./graphql').NodeAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAlertRule($id: ID!, $input: AlertRuleInput!) { updateAlertRule(id: $id, input: $input) { id name } }\n"): typeof import('./graphql').UpdateAlertRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SilenceAlertRule($id: ID!, $minutes: Int!) { silenceAlertRule(id: $id, minutes: $minutes) { id silencedUntil } }\n"): typeof import('./graphql').SilenceAlertRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks { webhookFormats webhooks { id url events format minSeverity description secretHint createdAt deliveries { id event state ok attempts status error at } } }\n"): typeof import('./graphql').WebhooksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id url format } } }\n"): typeof import('./graphql').CreateWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestWebhook($id: ID!) { testWebhook(id: $id) { id ok status error } }\n"): typeof import('./graphql').TestWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) { id deletedAt } }\n"): typeof import('./graphql').DeleteWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeatureGroups($search: String) {\n    featureGroups(search: $search, first: 500) { id namespace name description entity version definedAt sources { id namespace name } features { name } stats { entities lastEventTime } }\n  }\n"): typeof import('./graphql').FeatureGroupsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeatureGroup($namespace: String!, $name: String!) {\n    featureGroup(namespace: $namespace, name: $name) {\n      id namespace name description entity version definedAt owner ttlSeconds definedBy { name role }\n      source { id namespace name }\n      sources { id namespace name }\n      features { id name type dimension description sourceFields transformation source { id name } }\n      stats { entities values firstEventTime lastEventTime lastWrittenAt }\n      featureStats { feature entities nulls min max mean distinctStrings lastEventTime }\n      validation { at success results { expectation { kind feature min max values mostly } success observed evaluated } }\n      validations(first: 10) { at success validatedBy { name role } results { success } }\n    }\n  }\n"): typeof import('./graphql').FeatureGroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeatureGroupDefinitions($namespace: String!, $name: String!, $asOf: DateTime) {\n    featureGroup(namespace: $namespace, name: $name) {\n      id\n      definitions(first: 50, asOf: $asOf) {\n        version definedAt definedBy { name role } droppedAt droppedBy { name role }\n        features { name type dimension sourceFields }\n        changes { kind feature before after }\n      }\n    }\n  }\n"): typeof import('./graphql').FeatureGroupDefinitionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnlineFeatures($entityIds: [String!]!, $features: [FeatureSelectionInput!]!) {\n    onlineFeatures(entityIds: $entityIds, features: $features) { entityId at values { feature value eventTime status } }\n  }\n"): typeof import('./graphql').OnlineFeaturesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PointInTimeFeatures($rows: [EntityAtInput!]!, $features: [FeatureSelectionInput!]!) {\n    pointInTimeFeatures(rows: $rows, features: $features) { entityId at values { feature value eventTime status } }\n  }\n"): typeof import('./graphql').PointInTimeFeaturesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ValidateFeatureGroup($namespace: String!, $name: String!) { validateFeatureGroup(namespace: $namespace, name: $name) { id validation { at success } } }\n"): typeof import('./graphql').ValidateFeatureGroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeatureGroupDefined($namespace: String!, $name: String!) { featureGroup(namespace: $namespace, name: $name) { id version definedAt definedBy { name role } } }\n"): typeof import('./graphql').FeatureGroupDefinedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeatureServices { featureServices { id name description entity definedAt definedBy features { namespace group feature } } }\n"): typeof import('./graphql').FeatureServicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DefineFeatureService($input: FeatureServiceInput!) { defineFeatureService(input: $input) { id name } }\n"): typeof import('./graphql').DefineFeatureServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DropFeatureService($name: String!) { dropFeatureService(name: $name) { id } }\n"): typeof import('./graphql').DropFeatureServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GpuDevices($from: DateTime, $limit: Int!) {\n    gpus(from: $from, limit: $limit) { gpuUuid host model gpuIndex pods runs { runId name pod startedAt endedAt } firstSeen lastSeen }\n  }\n"): typeof import('./graphql').GpuDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunGpuSeries($runId: String!, $metrics: [GpuMetric!], $to: DateTime, $maxPoints: Int) {\n    runGpuSeries(runId: $runId, metrics: $metrics, to: $to, maxPoints: $maxPoints) {\n      stepSeconds source from to truncated\n      placement { namespace pods startedAt endedAt }\n      series { gpuUuid metric unit namespace pod host model gpuIndex points { time avg min max } }\n    }\n  }\n"): typeof import('./graphql').RunGpuSeriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GpuSeries($gpuUuid: String!, $metrics: [GpuMetric!], $from: DateTime, $maxPoints: Int) {\n    gpuSeries(gpuUuid: $gpuUuid, metrics: $metrics, from: $from, maxPoints: $maxPoints) {\n      stepSeconds source from to truncated\n      series { gpuUuid metric unit namespace pod host model gpuIndex points { time avg min max } }\n    }\n  }\n"): typeof import('./graphql').GpuSeriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunGpuSummary($runId: String!) {\n    runGpuSummary(runId: $runId) {\n      runId gpuCount gpuHours meanUtilization maxMemoryUsedBytes meanPowerWatts energyKwh\n      placement { namespace pods startedAt endedAt }\n      gpus { gpuUuid host model pod hours meanUtilization maxMemoryUsedBytes meanPowerWatts }\n    }\n  }\n"): typeof import('./graphql').RunGpuSummaryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys { apiKeys { id prefix role name createdAt createdBy runId revokedAt revokedBy lastUsedAt expiresAt current namespaces } }\n"): typeof import('./graphql').ApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($role: String!, $name: String, $expiresInDays: Int, $namespaces: [String!]) {\n    createApiKey(role: $role, name: $name, expiresInDays: $expiresInDays, namespaces: $namespaces) { key apiKey { id prefix role expiresAt namespaces } }\n  }\n"): typeof import('./graphql').CreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n"): typeof import('./graphql').RevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegisteredModels($first: Int!, $offset: Int!, $search: String) {\n    registeredModels(first: $first, offset: $offset, search: $search) {\n      id\n      name\n      description\n      versionCount\n      aliases { alias version since }\n      latestVersions { version stage stageSince }\n    }\n  }\n"): typeof import('./graphql').RegisteredModelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegisteredModel($name: String!, $asOf: DateTime) {\n    registeredModel(name: $name, asOf: $asOf) {\n      id\n      name\n      description\n      asOf\n      versionCount\n      tags { key value }\n      aliases { alias version since }\n      gates { index kind stages aliases metric source op threshold depth plugin params }\n      latestVersions { version stage stageSince }\n      versions(first: 200) {\n        id\n        version\n        stage\n        stageSince\n        aliases\n        modelUri\n        flavor\n        description\n        runId\n        registeredAt\n        registeredBy { name role }\n        tags { key value }\n      }\n      history(first: 200) {\n        seq\n        type\n        version\n        at\n        actor { name role }\n        fromStage\n        toStage\n        pointer\n        previousVersion\n        reason\n        outcome\n        rejectionCode\n        rejectionMessage\n        gates { gate kind passed detail }\n      }\n    }\n  }\n"): typeof import('./graphql').RegisteredModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransitionStage($input: TransitionStageInput!) {\n    transitionModelVersionStage(input: $input) { version stage stageSince }\n  }\n"): typeof import('./graphql').TransitionStageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetModelAlias($input: SetModelAliasInput!) {\n    setModelAlias(input: $input) { version aliases }\n  }\n"): typeof import('./graphql').SetModelAliasDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteModelAlias($input: DeleteModelAliasInput!) {\n    deleteModelAlias(input: $input) { name }\n  }\n"): typeof import('./graphql').DeleteModelAliasDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelSummary($name: String!) {\n    registeredModel(name: $name) {\n      versionCount\n      aliases { alias version }\n      latestVersions { version stage }\n    }\n  }\n"): typeof import('./graphql').ModelSummaryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelVersionSummary($name: String!, $version: Int!) {\n    modelVersion(name: $name, version: $version) {\n      version\n      stage\n      stageSince\n      aliases\n      modelUri\n      flavor\n      runId\n      evaluations { id name evaluatedAt metrics { key value } }\n    }\n  }\n"): typeof import('./graphql').ModelVersionSummaryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelEvaluations($name: String!) {\n    registeredModel(name: $name) { versions(first: 100) { version evaluations { id name evaluatedAt task examples metrics { key value } judging { state judged total unreadable error } } } }\n  }\n"): typeof import('./graphql').ModelEvaluationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromptEvaluations($name: String!) {\n    prompt(name: $name) { versions(first: 100) { version evaluations { id name evaluatedAt task examples metrics { key value } judging { state judged total unreadable error } } } }\n  }\n"): typeof import('./graphql').PromptEvaluationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareEvaluations($ids: [ID!]!, $onlyDiffering: Boolean!) {\n    compareEvaluations(evaluationIds: $ids, onlyDiffering: $onlyDiffering, first: 200) {\n      total\n      metrics { key values }\n      examples { exampleId input reference predictions scores }\n    }\n  }\n"): typeof import('./graphql').CompareEvaluationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JudgeEvaluation($id: ID!, $criteria: [String!]!) { judgeEvaluation(evaluationId: $id, criteria: $criteria) { id judging { state judged total } } }\n"): typeof import('./graphql').JudgeEvaluationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EvaluateTraces($input: EvaluateTracesInput!, $criteria: [String!]) { evaluateTraces(input: $input, criteria: $criteria) { id examples judging { state total } } }\n"): typeof import('./graphql').EvaluateTracesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPromotionGates($input: SetPromotionGatesInput!) {\n    setPromotionGates(input: $input) { id gates { index } }\n  }\n"): typeof import('./graphql').SetPromotionGatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PluginGates {\n    plugins { name promotionGates { name description } }\n  }\n"): typeof import('./graphql').PluginGatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Plugins {\n    plugins { name version module renamesDatasets facets { facet owners } promotionGates { name description } webhookFormats { name description } errors { count lastAt lastMessage } usage { calls totalMs slowestMs } }\n  }\n"): typeof import('./graphql').PluginsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Prompts($first: Int!, $offset: Int!, $search: String) {\n    prompts(first: $first, offset: $offset, search: $search) {\n      id\n      name\n      description\n      versionCount\n      createdAt\n      labels { label version since }\n    }\n  }\n"): typeof import('./graphql').PromptsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Prompt($name: String!) {\n    prompt(name: $name) {\n      id\n      name\n      description\n      versionCount\n      tags { key value }\n      labels { label version since }\n      versions(first: 200) {\n        id\n        version\n        type\n        text\n        messages { role content }\n        commitMessage\n        config\n        labels\n        createdAt\n        createdBy { name role }\n        modelVersionId\n        variables { name required default description }\n      }\n      history(first: 200) {\n        seq\n        type\n        version\n        at\n        actor { name role }\n        pointer\n        previousVersion\n        reason\n        outcome\n        rejectionCode\n        rejectionMessage\n      }\n    }\n  }\n"): typeof import('./graphql').PromptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromptByLabel($name: String!, $label: String!) {\n    promptVersion(name: $name, label: $label) { version labels commitMessage }\n  }\n"): typeof import('./graphql').PromptByLabelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RenderPrompt($name: String!, $version: Int!, $variables: JSON!) {\n    renderPrompt(name: $name, version: $version, variables: $variables) {\n      type\n      text\n      messages { role content }\n      config\n    }\n  }\n"): typeof import('./graphql').RenderPromptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DiffPromptVersions($name: String!, $from: Int!, $to: Int!) {\n    diffPromptVersions(name: $name, from: $from, to: $to) {\n      typeChanged\n      variablesAdded\n      variablesRemoved\n      configChanges { key from to }\n      lines { op text }\n    }\n  }\n"): typeof import('./graphql').DiffPromptVersionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromptSummary($name: String!) {\n    prompt(name: $name) {\n      versionCount\n      labels { label version }\n    }\n  }\n"): typeof import('./graphql').PromptSummaryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromptVersionSummary($name: String!, $version: Int!) {\n    promptVersion(name: $name, version: $version) {\n      version\n      type\n      labels\n      commitMessage\n      variables { name }\n    }\n  }\n"): typeof import('./graphql').PromptVersionSummaryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPromptLabel($input: SetPromptLabelInput!) {\n    setPromptLabel(input: $input) { version labels }\n  }\n"): typeof import('./graphql').SetPromptLabelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePromptLabel($input: RemovePromptLabelInput!) {\n    removePromptLabel(input: $input) { name }\n  }\n"): typeof import('./graphql').RemovePromptLabelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportContentFields on ReportContent {\n    from to sections\n    lineage { events runs completedRuns failedRuns abortedRuns jobs datasets failingJobs { namespace name failedRuns completedRuns } newDatasets { count first } }\n    quality { checks failedChecks groups { id name checks failedChecks latestPassed } }\n    models {\n      registered { count first { model version at } }\n      stageChanges { count first { model version from to at actor } }\n      refused { count first { model version to at reason } }\n      aliasChanges\n    }\n    llm { calls inputTokens outputTokens costUsd previous { calls costUsd } byModel { model calls totalTokens costUsd latencyP50Ms latencyP99Ms } }\n    gpu { gpuHours gpus byPod { namespace pod gpus gpuHours meanUtilization } }\n    alerts { fired resolved firingAtEnd byRule { rule severity fired } }\n  }\n"): typeof import('./graphql').ReportContentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportSchedules { reportSchedules { id name cadence hourUtc weekday sections enabled createdAt createdBy } }\n"): typeof import('./graphql').ReportSchedulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScheduleReports($id: ID!) { reportSchedule(id: $id) { id reports(first: 30) { id name from to generatedAt } } }\n"): typeof import('./graphql').ScheduleReportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Report($id: ID!) { report(id: $id) { id name from to generatedAt content { ...ReportContentFields } } }\n"): typeof import('./graphql').ReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComposeReport($from: DateTime!, $to: DateTime!) { composeReport(from: $from, to: $to) { ...ReportContentFields } }\n"): typeof import('./graphql').ComposeReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateReportSchedule($input: ReportScheduleInput!) { createReportSchedule(input: $input) { id name } }\n"): typeof import('./graphql').CreateReportScheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateReportSchedule($id: ID!, $input: ReportScheduleInput!) { updateReportSchedule(id: $id, input: $input) { id enabled } }\n"): typeof import('./graphql').UpdateReportScheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteReportSchedule($id: ID!) { deleteReportSchedule(id: $id) { id deleted } }\n"): typeof import('./graphql').DeleteReportScheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunReportSchedule($id: ID!) { runReportSchedule(id: $id) { id name from to } }\n"): typeof import('./graphql').RunReportScheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunList($experiment: String, $statuses: [RunStatus!], $text: String, $first: Int!, $offset: Int!) {\n    runs(experiment: $experiment, statuses: $statuses, text: $text, first: $first, offset: $offset) {\n      total truncated\n      items { id runId name experiment status startedAt endedAt latestMetrics { key value } }\n    }\n  }\n"): typeof import('./graphql').RunListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExperimentNames { experiments(first: 500) { id name } }\n"): typeof import('./graphql').ExperimentNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunDetail($runId: String!, $maxPoints: Int!) {\n    trackedRun(runId: $runId) {\n      id runId name experiment status startedAt endedAt note\n      params { key value } tags { key value }\n      artifacts { path uri type sizeBytes loggedAt }\n      latestMetrics { key value step count min max }\n      metricHistory(maxPoints: $maxPoints) { runId key total points { step value } }\n      props\n    }\n  }\n"): typeof import('./graphql').RunDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunTraining($runId: String!) { trainingRun(runId: $runId) { runId state } }\n"): typeof import('./graphql').RunTrainingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRunNote($runId: String!, $note: String!) { setRunNote(runId: $runId, note: $note) { runId note } }\n"): typeof import('./graphql').SetRunNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareRuns($runIds: [String!]!, $maxPoints: Int!) {\n    compareRuns(runIds: $runIds, maxPoints: $maxPoints) {\n      runs { id runId name experiment status }\n      params { key values differs }\n      metrics { runId key total points { step value } }\n    }\n  }\n"): typeof import('./graphql').CompareRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunSection($runId: String!) {\n    trackedRun(runId: $runId) { runId name experiment status startedAt endedAt params { key value } latestMetrics { key value step } }\n  }\n"): typeof import('./graphql').RunSectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExperimentSection($name: String!) {\n    experiment(name: $name) { name description tags { key value } runs(first: 5) { total items { runId name status } } }\n  }\n"): typeof import('./graphql').ExperimentSectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TraceSummaryFields on TraceSummary {\n    traceId\n    rootSpanName\n    service\n    start\n    durationMs\n    spanCount\n    llmCalls\n    error\n    errorCount\n    inputTokens\n    outputTokens\n    costUsd\n    models\n    prompts { name version }\n  }\n"): typeof import('./graphql').TraceSummaryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Traces($filter: TraceFilter, $first: Int!, $after: String) {\n    traces(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...TraceSummaryFields\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').TracesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Trace($traceId: ID!) {\n    trace(traceId: $traceId) {\n      truncated\n      summary {\n        ...TraceSummaryFields\n        end\n        runIds\n        modelVersions { name version }\n        node { id }\n      }\n      spans {\n        spanId\n        parentSpanId\n        name\n        kind\n        service\n        scope\n        depth\n        childCount\n        start\n        startOffsetMs\n        durationMs\n        statusCode\n        statusMessage\n        runId\n        llm { operation provider requestModel responseModel inputTokens outputTokens totalTokens costUsd promptName promptVersion }\n      }\n    }\n  }\n"): typeof import('./graphql').TraceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpanDetails($traceId: ID!, $spanIds: [ID!]!) {\n    spanDetails(traceId: $traceId, spanIds: $spanIds) {\n      spanId\n      attributes\n      resourceAttributes\n      events { name time attributes }\n      links { traceId spanId attributes }\n    }\n  }\n"): typeof import('./graphql').SpanDetailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LlmUsage($groupBy: LlmUsageGroup!, $from: DateTime, $to: DateTime, $service: String) {\n    llmUsage(groupBy: $groupBy, from: $from, to: $to, service: $service) {\n      model\n      promptName\n      promptVersion\n      calls\n      inputTokens\n      outputTokens\n      totalTokens\n      costUsd\n      latencyP50Ms\n      latencyP99Ms\n    }\n  }\n"): typeof import('./graphql').LlmUsageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrainingRuns($activeOnly: Boolean!, $first: Int!, $offset: Int!) {\n    trainingRuns(activeOnly: $activeOnly, first: $first, offset: $offset) {\n      total\n      items { id runId name experiment state reason requestedAt stateChangedAt image resources { cpu memory gpu gpuType } workers }\n    }\n  }\n"): typeof import('./graphql').TrainingRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrainingQuota { trainingQuota { gpu cpu usedGpu usedCpu activeRuns } }\n"): typeof import('./graphql').TrainingQuotaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrainingRunDetail($runId: String!, $tailLines: Int!, $worker: Int!) {\n    trainingRun(runId: $runId) {\n      id runId requestId name experiment state reason message stateChangedAt requestedAt cancelRequestedAt\n      image command args env { name value } resources { cpu memory gpu gpuType } workers retries timeoutSeconds priority\n      datasets featureGroups placement { launcher namespace job pods }\n      logs(tailLines: $tailLines, worker: $worker)\n    }\n  }\n"): typeof import('./graphql').TrainingRunDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestTraining($input: RequestTrainingInput!) { requestTraining(input: $input) { runId state } }\n"): typeof import('./graphql').RequestTrainingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelTraining($runId: String!) { cancelTraining(runId: $runId) { runId state reason } }\n"): typeof import('./graphql').CancelTrainingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrainingSection($runId: String!) {\n    trainingRun(runId: $runId) { runId state reason image resources { cpu memory gpu gpuType } requestedAt }\n  }\n"): typeof import('./graphql').TrainingSectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchDatasets($text: String!, $kinds: [NodeKind!]) {\n    search(text: $text, kinds: $kinds, first: 8) { id kind namespace name }\n  }\n"): typeof import('./graphql').SearchDatasetsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
