"""Journeys through the running dashboard in a real browser."""
