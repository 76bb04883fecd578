"""Report a notebook's lineage and metrics to Loom, as any OpenLineage emitter does.

One file, Python 3.8+ standard library only: copy it next to the notebook (or put its folder on
PYTHONPATH) and::

    from loom_notebook import Loom, Dataset

    loom = Loom()  # LOOM_URL and LOOM_API_KEY from the environment, or Loom(url, api_key=...)
    customers = Dataset("postgres://crm-db:5432", "crm.public.customers")
    sample = Dataset("s3://ml-scratch", "churn/eda_sample.parquet", schema=[("customer_id", "bigint"), ("mrr", "double")])

    with loom.run("churn_eda", inputs=[customers], outputs=[sample], experiment="churn-eda") as run:
        run.log_param("sample_fraction", 0.1)
        ...  # the cell's work
        run.log_metric("auc", 0.81)

In IPython or Jupyter, ``%load_ext loom_notebook`` adds the ``%%loom`` cell magic, which runs the cell
as such a run, the cell's code as its source, the run as ``loom_run`` in the notebook's namespace::

    %%loom churn_eda --input postgres://crm-db:5432 crm.public.customers --output s3://ml-scratch churn/eda_sample.parquet --experiment churn-eda
    sample = customers.sample(0.1)
    loom_run.log_metric("rows", len(sample))

The run is an OpenLineage run of job ``notebooks/churn_eda`` (``jobType`` facet: integration
NOTEBOOK): START when the block begins, COMPLETE when it ends, FAIL (with the exception as the
``errorMessage`` facet) when it raises; the exception is not swallowed. With ``experiment``, the same
run id is tracked in that experiment (GraphQL ``createRun``) and its params and metrics are sent with
``logBatch`` (in batches, and when the block ends). Errors from Loom raise ``LoomError`` with the
server's message (it names the field at fault) and the HTTP status.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import traceback
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

__all__ = ["Loom", "Dataset", "LoomError", "load_ipython_extension"]

PRODUCER = "https://github.com/loom/loom/tree/main/ingest/notebook"
SPEC = "https://openlineage.io/spec/2-0-2/OpenLineage.json"
FACET = "https://openlineage.io/spec/facets/"
#: Metrics and params sent in one logBatch at most (Loom takes up to 1,000 a call).
BATCH = 500


class LoomError(Exception):
    """Loom refused a request (`status`: the HTTP status; `message`: why, naming the field at fault)."""

    def __init__(self, message: str, status: Optional[int] = None):
        super().__init__(f"{message} (HTTP {status})" if status else message)
        self.status = status


@dataclass(frozen=True)
class Dataset:
    """A dataset as OpenLineage names it: a namespace (where it lives) and a name; optionally its schema."""

    namespace: str
    name: str
    schema: Optional[Sequence[Tuple[str, str]]] = None

    def to_openlineage(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {"namespace": self.namespace, "name": self.name}
        if self.schema:
            out["facets"] = {"schema": {"_producer": PRODUCER, "_schemaURL": FACET + "1-1-1/SchemaDatasetFacet.json",
                                        "fields": [{"name": n, "type": t} for n, t in self.schema]}}
        return out


DatasetLike = Union[Dataset, Tuple[str, str]]


def _dataset(d: DatasetLike) -> Dataset:
    if isinstance(d, Dataset):
        return d
    if isinstance(d, tuple) and len(d) == 2:
        return Dataset(d[0], d[1])
    raise TypeError(f"a dataset is a Dataset or a (namespace, name) tuple, not {d!r}")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Loom:
    """A Loom server and the key to send with (its tenant is the key's)."""

    def __init__(self, url: Optional[str] = None, api_key: Optional[str] = None, namespace: str = "notebooks", timeout: float = 30):
        self.url = (url or os.environ.get("LOOM_URL") or "http://127.0.0.1:4000").rstrip("/")
        self.api_key = api_key or os.environ.get("LOOM_API_KEY")
        if not self.api_key:
            raise LoomError("no API key: pass api_key= or set LOOM_API_KEY (the key printed when Loom starts, or one from its API keys page)")
        self.namespace = namespace
        self.timeout = timeout

    def run(self, job: str, inputs: Iterable[DatasetLike] = (), outputs: Iterable[DatasetLike] = (), experiment: Optional[str] = None,
            source: Optional[str] = None, run_id: Optional[str] = None) -> "Run":
        """A run of ``job`` (in this client's namespace) to use as a context manager; ``source``: the code, kept as the sourceCode facet."""
        return Run(self, job, [_dataset(d) for d in inputs], [_dataset(d) for d in outputs], experiment, source, run_id or str(uuid.uuid4()))

    def emit(self, event: Dict[str, Any]) -> None:
        """Send one OpenLineage event (POST /api/v1/lineage)."""
        self._post("/api/v1/lineage", event)

    def graphql(self, query: str, variables: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """Run a GraphQL operation; its data, or LoomError with the first error's message."""
        body = self._post("/graphql", {"query": query, "variables": variables or {}})
        errors = body.get("errors") if isinstance(body, dict) else None
        if errors:
            raise LoomError(errors[0].get("message", "GraphQL error"))
        return body["data"]

    def _post(self, path: str, payload: Dict[str, Any]) -> Any:
        req = urllib.request.Request(self.url + path, data=json.dumps(payload).encode("utf-8"), method="POST", headers={
            "content-type": "application/json", "authorization": f"Bearer {self.api_key}",
        })
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as res:
                text = res.read().decode("utf-8")
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace")
            try:
                detail = json.loads(detail).get("message", detail)
            except ValueError:
                pass
            raise LoomError(f"{path}: {detail}", err.code) from None
        except urllib.error.URLError as err:
            raise LoomError(f"cannot reach Loom at {self.url} ({err.reason}): is it running? (LOOM_URL)") from None
        return json.loads(text) if text else None


@dataclass
class Run:
    """One run of a notebook job; see Loom.run."""

    loom: Loom
    job: str
    inputs: List[Dataset]
    outputs: List[Dataset]
    experiment: Optional[str]
    source: Optional[str]
    run_id: str
    _metrics: List[Dict[str, Any]] = field(default_factory=list)
    _params: List[Dict[str, str]] = field(default_factory=list)

    def log_param(self, key: str, value: Any) -> None:
        self._need_experiment()
        self._params.append({"key": key, "value": str(value)})
        self._flush_if_full()

    def log_metric(self, key: str, value: float, step: Optional[int] = None) -> None:
        self._need_experiment()
        point: Dict[str, Any] = {"key": key, "value": float(value), "timestamp": _now()}
        if step is not None:
            point["step"] = step
        self._metrics.append(point)
        self._flush_if_full()

    def add_output(self, dataset: DatasetLike) -> None:
        """A dataset the run wrote, found out while running: named in its COMPLETE (or FAIL) event."""
        self.outputs.append(_dataset(dataset))

    def __enter__(self) -> "Run":
        self.loom.emit(self._event("START"))
        if self.experiment:
            self.loom.graphql("mutation ($input: CreateRunInput!) { createRun(input: $input) { runId } }",
                              {"input": {"experiment": self.experiment, "runId": self.run_id, "name": self.job}})
        return self

    def __exit__(self, kind, error, tb) -> bool:
        try:
            self.flush()
        finally:
            self.loom.emit(self._event("COMPLETE" if error is None else "FAIL", error, tb))
        return False  # an exception goes on

    def flush(self) -> None:
        """Send the params and metrics logged so far."""
        while self._metrics or self._params:
            metrics, self._metrics = self._metrics[:BATCH], self._metrics[BATCH:]
            params, self._params = self._params[:BATCH], self._params[BATCH:]
            self.loom.graphql("mutation ($runId: String!, $metrics: [MetricInput!], $params: [KeyValueInput!]) { logBatch(runId: $runId, metrics: $metrics, params: $params) { metrics } }",
                              {"runId": self.run_id, "metrics": metrics, "params": params})

    def _flush_if_full(self) -> None:
        if len(self._metrics) + len(self._params) >= BATCH:
            self.flush()

    def _need_experiment(self) -> None:
        if not self.experiment:
            raise LoomError("params and metrics belong to an experiment: pass experiment= to Loom.run")

    def _event(self, event_type: str, error: Optional[BaseException] = None, tb: Any = None) -> Dict[str, Any]:
        job_facets: Dict[str, Any] = {"jobType": {"_producer": PRODUCER, "_schemaURL": FACET + "2-0-3/JobTypeJobFacet.json",
                                                  "processingType": "BATCH", "integration": "NOTEBOOK", "jobType": "NOTEBOOK"}}
        if self.source:
            job_facets["sourceCode"] = {"_producer": PRODUCER, "_schemaURL": FACET + "1-0-1/SourceCodeJobFacet.json",
                                        "language": "python", "sourceCode": self.source}
        run_facets: Dict[str, Any] = {}
        if error is not None:
            run_facets["errorMessage"] = {"_producer": PRODUCER, "_schemaURL": FACET + "1-0-1/ErrorMessageRunFacet.json",
                                          "message": f"{type(error).__name__}: {error}", "programmingLanguage": "python",
                                          "stackTrace": "".join(traceback.format_exception(type(error), error, tb))}
        return {
            "eventType": event_type, "eventTime": _now(), "producer": PRODUCER, "schemaURL": SPEC + "#/$defs/RunEvent",
            "run": {"runId": self.run_id, "facets": run_facets},
            "job": {"namespace": self.loom.namespace, "name": self.job, "facets": job_facets},
            "inputs": [d.to_openlineage() for d in self.inputs],
            "outputs": [d.to_openlineage() for d in self.outputs],
        }


def _magic_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="%%loom", description="Run this cell as a run of a notebook job, reported to Loom.")
    p.add_argument("job", help="the job's name (in the notebooks namespace unless --namespace)")
    p.add_argument("--input", nargs=2, action="append", default=[], metavar=("NAMESPACE", "NAME"), help="a dataset the cell reads (repeat)")
    p.add_argument("--output", nargs=2, action="append", default=[], metavar=("NAMESPACE", "NAME"), help="a dataset the cell writes (repeat)")
    p.add_argument("--experiment", help="track the run in this experiment (params and metrics through loom_run)")
    p.add_argument("--namespace", default="notebooks", help="the job's namespace (default: notebooks)")
    return p


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext loom_notebook``: registers the ``%%loom`` cell magic (see the module's docstring)."""

    def loom(line: str, cell: str) -> None:
        try:
            args = _magic_parser().parse_args(shlex.split(line))
        except SystemExit:  # argparse printed the usage and the error: the cell does not run
            return None
        client = Loom(namespace=args.namespace)
        inputs = [Dataset(ns, name) for ns, name in args.input]
        outputs = [Dataset(ns, name) for ns, name in args.output]
        with client.run(args.job, inputs=inputs, outputs=outputs, experiment=args.experiment, source=cell) as run:
            ipython.user_ns["loom_run"] = run
            # In the notebook's namespace, as the cell would have run; an exception FAILS the run and reaches the notebook.
            exec(compile(cell, f"<cell {args.job}>", "exec"), ipython.user_ns)
        return None

    ipython.register_magic_function(loom, magic_kind="cell", magic_name="loom")
