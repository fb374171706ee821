"""Platform adapters: translate Slack and Teams payloads into bot.model events and back."""
