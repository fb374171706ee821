"""Skills: pure decision logic plus a thin handler each; the router calls the handlers."""
