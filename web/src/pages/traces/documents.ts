import { graphql } from '../../gql/index.js';

export const TraceSummaryFieldsFragment = graphql(`
  fragment TraceSummaryFields on TraceSummary {
    traceId
    rootSpanName
    service
    start
    durationMs
    spanCount
    llmCalls
    error
    errorCount
    inputTokens
    outputTokens
    costUsd
    models
    prompts { name version }
  }
`);

export const TracesDocument = graphql(`
  query Traces($filter: TraceFilter, $first: Int!, $after: String) {
    traces(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...TraceSummaryFields
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const TraceDocument = graphql(`
  query Trace($traceId: ID!) {
    trace(traceId: $traceId) {
      truncated
      summary {
        ...TraceSummaryFields
        end
        runIds
        modelVersions { name version }
        node { id }
      }
      spans {
        spanId
        parentSpanId
        name
        kind
        service
        scope
        depth
        childCount
        start
        startOffsetMs
        durationMs
        statusCode
        statusMessage
        runId
        llm { operation provider requestModel responseModel inputTokens outputTokens totalTokens costUsd promptName promptVersion }
      }
    }
  }
`);

/** What the waterfall leaves out, for the span a user opens (a trace of thousands of spans then loads without them). */
export const SpanDetailsDocument = graphql(`
  query SpanDetails($traceId: ID!, $spanIds: [ID!]!) {
    spanDetails(traceId: $traceId, spanIds: $spanIds) {
      spanId
      attributes
      resourceAttributes
      events { name time attributes }
      links { traceId spanId attributes }
    }
  }
`);

export const LlmUsageDocument = graphql(`
  query LlmUsage($groupBy: LlmUsageGroup!, $from: DateTime, $to: DateTime, $service: String) {
    llmUsage(groupBy: $groupBy, from: $from, to: $to, service: $service) {
      model
      promptName
      promptVersion
      calls
      inputTokens
      outputTokens
      totalTokens
      costUsd
      latencyP50Ms
      latencyP99Ms
    }
  }
`);
