"""Loading, validating and linting content packs."""
