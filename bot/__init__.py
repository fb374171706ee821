"""Async Etiquette core: platform-neutral model, router, store and app."""
