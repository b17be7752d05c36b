"""Clients of the services the web app uses. The web side reaches DFDG only through `dfdg`."""
