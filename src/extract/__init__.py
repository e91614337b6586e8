"""extract: multilingual information extraction for city-network documents."""
__version__ = "0.1.0"
