"""gradeline's web app: the guideline's two reading layers, search, glossary and a JSON read API (Django)."""
