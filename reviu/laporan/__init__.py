"""Screens: a report's review page (state, findings, notes, history) and each transition's
confirmation."""
