"""Request and response bodies of the DFDG API, one module an area."""
