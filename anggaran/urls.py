"""Planners' screens for budgets."""

urlpatterns = []
