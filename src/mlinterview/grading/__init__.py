"""Feedback on free-text answers: which key points an answer covers, misses or gets wrong.

Entry points live in :mod:`mlinterview.grading.engine` (``grade_card``, ``grade_free``);
nothing heavy is imported here, so importing the package stays cheap.
"""
