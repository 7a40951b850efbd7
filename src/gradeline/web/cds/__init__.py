"""The CDS Hooks service mounted under /cds-services, with feedback kept in the database."""
