"""gradeline: a GRADE clinical guideline as validated data and living software."""

__version__ = "0.1.0"
