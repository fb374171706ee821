"""Slack adapter on slack-bolt's AsyncApp."""
