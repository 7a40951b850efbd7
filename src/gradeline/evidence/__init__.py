"""GRADE arithmetic and language. Pure functions over model types; imports no I/O, web or database code."""
