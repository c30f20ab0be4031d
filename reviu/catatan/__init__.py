"""Screens: one reviewer note, answered by the planner, closed or reopened by the reviewer."""
