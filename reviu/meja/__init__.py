"""Screens: the reviewer's desk, every agency of the reviewer's regions and where its report stands."""
