"""The question bank: schema, loading, validation and search (no database, no HTTP)."""
