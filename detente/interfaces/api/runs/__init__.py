"""Model runs over HTTP: request bodies, their bounds, and results shaped as ``Result``.

The routers in :mod:`detente.interfaces.api.routes` stay thin: each calls one function here,
which turns a validated body into the library's inputs (placing every problem at the field it
concerns), checks that the work fits a synchronous request, runs the model and returns the
result tables as typed rows with their parameters, seed, data versions and sources.
"""
