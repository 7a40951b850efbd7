"""CDS Hooks 2.0 service logic (discovery, hooks, feedback, client JWT trust), free of any web framework.

Mount :func:`gradeline.cdshooks.service.handle` (or a :class:`~gradeline.cdshooks.service.CdsService`)
under ``/cds-services`` in any HTTP server.
"""
