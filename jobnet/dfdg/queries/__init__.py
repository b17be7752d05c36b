"""DFDG's data access. Views and helpers reach the database only through these modules."""
