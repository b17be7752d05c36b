"""The DFDG client: `client.DfdgClient` and one module an area (values, parsing, commands)."""
