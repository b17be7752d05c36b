"""What every page of the web app stands on: assets, language, security headers, sessions,
errors, shared form fields, the command line."""
