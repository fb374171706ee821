"""Deployment files: the Helm chart's structure and values, the migrate command its Job runs.

No `helm` binary is installable here (not on PyPI nor in Debian), so the chart is checked as YAML
and every `.Values` reference is resolved against values.yaml.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from click.testing import CliRunner

from bot.cli import app as cli

CHART = Path(__file__).resolve().parent.parent / "infra" / "helm" / "async-etiquette"
EXPECTED_KINDS = {"deployment.yaml": "Deployment", "service.yaml": "Service", "ingress.yaml": "Ingress",
                  "pdb.yaml": "PodDisruptionBudget", "migrations-job.yaml": "Job"}


def values() -> dict:
    return yaml.safe_load((CHART / "values.yaml").read_text())


def test_chart_metadata_and_values_parse():
    chart = yaml.safe_load((CHART / "Chart.yaml").read_text())
    assert chart["apiVersion"] == "v2" and chart["name"] == "async-etiquette" and chart["version"]
    assert values()["replicaCount"] >= 2  # several replicas share one PostgreSQL


def test_every_template_has_its_kind_and_every_value_it_uses_exists():
    data = values()
    for name, kind in EXPECTED_KINDS.items():
        text = (CHART / "templates" / name).read_text()
        assert re.search(rf"^kind: {kind}$", text, re.M), name
        for path in re.findall(r"\.Values\.([\w.]+)", text):
            node = data
            for part in path.split("."):
                assert isinstance(node, dict) and part in node, f"{name}: .Values.{path} is not in values.yaml"
                node = node[part]


def test_probes_metrics_secrets_and_migrations():
    deployment = (CHART / "templates" / "deployment.yaml").read_text()
    assert deployment.count("path: /healthz") == 2  # readiness and liveness
    assert "secretRef" in deployment and "runAsNonRoot: true" in deployment
    job = (CHART / "templates" / "migrations-job.yaml").read_text()
    assert '"helm.sh/hook": pre-install,pre-upgrade' in job and '["etiquette", "migrate"]' in job


def test_migrate_command_brings_a_database_to_the_latest_schema(tmp_path, monkeypatch):
    from bot.config import get_settings

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'm.db'}")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["migrate"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    import sqlite3

    tables = {row[0] for row in sqlite3.connect(tmp_path / "m.db").execute("select name from sqlite_master")}
    assert {"scheduled_messages", "digest_schedules", "slack_bots", "alembic_version"} <= tables
