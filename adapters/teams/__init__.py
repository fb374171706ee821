"""Teams adapter on botbuilder's CloudAdapter and TeamsActivityHandler."""
