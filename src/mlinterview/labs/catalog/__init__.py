"""One module per lab, each exposing ``LAB``; found by :mod:`mlinterview.labs.registry`."""
