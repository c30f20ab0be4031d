"""Planners' screens for the agency's profile and report narrative."""

urlpatterns = []
