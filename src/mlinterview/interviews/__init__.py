"""Interviews: the five-stage plan, mock interviews with their reports, interviewer kits."""
