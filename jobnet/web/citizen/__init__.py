"""The pages a citizen uses, one package an area."""
