"""User-facing interfaces: the CLI, the REST API, the web dashboard and reports."""
