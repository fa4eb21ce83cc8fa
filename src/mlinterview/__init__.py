"""mlinterview: practise machine-learning interviews offline, in German or English."""

__version__ = "0.1.0"
