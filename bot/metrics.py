"""Prometheus metrics, served at GET /metrics."""

from prometheus_client import Counter, Histogram

EVENTS = Counter("etiquette_events_total", "Events received", ["platform", "kind"])
DUPLICATES = Counter("etiquette_duplicate_events_total", "Retries and duplicates dropped", ["platform"])
ACTIONS = Counter("etiquette_actions_total", "Actions performed", ["platform", "kind"])
REQUEST_SECONDS = Histogram("etiquette_request_seconds", "HTTP request latency", ["route"])
