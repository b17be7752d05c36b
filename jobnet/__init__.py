"""Jobnet: the web app (`jobnet.web`), the DFDG service (`jobnet.dfdg`), its client
(`jobnet.clients`), the domain rules (`jobnet.domain`) and the MitID simulator."""
