-- The examples of a computed evaluation (server/src/domain/registry/evaluations.service.ts: `evaluate`):
-- each example's input, prediction and reference, its scores (`correct`, `exact_match`, `rouge1`...,
-- `judge.<criterion>`) and the LLM judgements given for it (JSON: [{criterion, score, judge, rationale}]).
-- The Evaluation node holds the aggregated metrics; these rows let two evaluations on the same examples be
-- compared side by side (`compareEvaluations`). Written once per evaluation id (a retry replaces them).
CREATE TABLE IF NOT EXISTS evaluation_examples
(
    tenant_id     String,
    evaluation_id String,
    example_id    String,
    seq           UInt32,
    input         String,
    prediction    String,
    reference     String,
    scores        Map(LowCardinality(String), Float64),
    judgements    String,
    recorded_at   DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(recorded_at)
ORDER BY (tenant_id, evaluation_id, example_id);
