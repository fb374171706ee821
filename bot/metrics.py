"""Prometheus metrics, served at GET /metrics."""

from prometheus_client import Counter, Gauge, Histogram

EVENTS = Counter("etiquette_events_total", "Events received", ["platform", "kind"])
DUPLICATES = Counter("etiquette_duplicate_events_total", "Retries and duplicates dropped", ["platform"])
DROPPED = Counter("etiquette_events_dropped_total", "Events acked and then dropped unprocessed", ["platform", "reason"])
ACTIONS = Counter("etiquette_actions_total", "Actions performed", ["platform", "kind"])
REQUEST_SECONDS = Histogram("etiquette_request_seconds", "HTTP request latency (the ack, for Slack)", ["route"])
SKILL_SECONDS = Histogram("etiquette_skill_seconds", "Time a skill's handler took", ["skill"])
PLATFORM_ERRORS = Counter("etiquette_platform_errors_total", "Failed platform calls", ["platform", "error"])
OUTBOX_DUE = Gauge("etiquette_outbox_due", "Scheduled messages due and not yet delivered, at the last pass")
OUTBOX_LATENESS = Histogram("etiquette_outbox_lateness_seconds", "Delivery time minus the scheduled time",
                            buckets=(1, 5, 15, 60, 300, 900, 3600, 21600, 86400))


def error_kind(error: Exception) -> str:
    """A metric label: "ratelimited" for HTTP 429 from either platform, else the exception's name."""
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None) or getattr(error, "status", None)
    return "ratelimited" if status == 429 else type(error).__name__
INBOX_RETRIES = Counter("etiquette_inbox_retries_total", "Inbox items that failed and will be retried", ["source"])
INBOX_PARKED = Counter("etiquette_inbox_parked_total", "Inbox items given up after repeated failures", ["source"])
INBOX_RUNNING = Gauge("etiquette_inbox_running", "Accepted items whose work has not finished yet (a burst's backlog)")
