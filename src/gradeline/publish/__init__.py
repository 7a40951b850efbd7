"""Renderers: terminal, HTML and PDF views of a guideline."""
