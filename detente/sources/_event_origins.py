"""The public snapshots the event codebooks were taken from (data manifest sections 10-11).

Kept apart from :mod:`detente.sources._origins` so the event-data sources stay one unit.
Each constant is a repository and commit; :func:`detente.sources._declare.github_raw` turns
one into the exact address serving the committed bytes.
"""

from detente.sources._declare import github_raw

ICEWS_R = ("andybega/icews", "3746c729551f5fcb5a49f643f82638011a5fcfec")
PLOVER = ("openeventdata/PLOVER", "5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f")
TEXT_TO_CAMEO = ("philip-schrodt/text_to_CAMEO", "d6b5c556c801ecebb0b23ad03ad3539626609c2a")
PY_GDELT = ("RBozydar/py-gdelt", "6d1becc2690cabedcf6f651567e77e5a5ad5838c")
GDELTPYR = ("linwoodc3/gdeltPyR", "8762db7f5aaa4f30eda0c9e72b2039ddb68ad593")


def origin(snapshot: tuple[str, str], path: str) -> str:
    """Address of ``path`` in ``snapshot`` (a repository and commit above)."""
    repo, commit = snapshot
    return github_raw(repo, commit, path)
