"""``python -m mlinterview.cli`` runs the same command as the ``mlinterview`` script."""

from mlinterview.cli import main

main()
