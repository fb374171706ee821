"""Loopback fakes shared by every end-to-end test: Slack Web API, Bot Connector, Playground driver."""
