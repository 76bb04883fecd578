-- Which runs ran in which Kubernetes pods: the reverse of a run's placement (domain/telemetry/gpu-placement.ts),
-- so a GPU's series, labelled with a namespace and a pod, lead to the runs that used it
-- (domain/telemetry/run-pods.ts; GraphQL `gpus { runs }`). Written when a run says where it ran: an
-- OpenLineage event with a `k8s` (or `kubernetes`) run facet, as it is archived; a training run when its
-- launcher names its pods. A pod name used again by a later run (a StatefulSet's `trainer-0`) holds both
-- rows: readers match the runs' windows to the GPU's.
CREATE TABLE IF NOT EXISTS run_pods
(
    tenant_id  String,
    namespace  String,
    pod        String,
    run_id     String,
    seen_at    DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(seen_at)
ORDER BY (tenant_id, namespace, pod, run_id);
