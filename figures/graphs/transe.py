"""TransE on the geography graph: trained 16-D embeddings projected on their first two principal components."""


from aimath_ref.graphs import geography_triples, train_transe
from aimath_ref.linalg import pca
from figures._style import PALETTE, new_figure


def figure():
    fig, (ax_kg, ax) = new_figure(ncols=2, width=10.0, height=4.2, gridspec_kw={"width_ratios": [0.8, 1.2]})
    # left: the mini knowledge graph and the fact that follows from it
    pos = {"Paris": (0.0, 0.0), "France": (1.0, 1.0), "Europe": (2.0, 0.0)}
    for (a, b, label, style) in [("Paris", "France", "capital_of", "-"), ("France", "Europe", "part_of", "-"),
                                 ("Paris", "Europe", "located_in?", "--")]:
        ax_kg.annotate("", xy=pos[b], xytext=pos[a], arrowprops={"arrowstyle": "-|>", "ls": style, "lw": 1.8, "shrinkA": 22, "shrinkB": 22,
                                                      "color": PALETTE[1] if style == "--" else "0.35"})
        mx, my = (pos[a][0] + pos[b][0]) / 2, (pos[a][1] + pos[b][1]) / 2
        ax_kg.text(mx, my + (0.12 if style == "-" else -0.2), label, ha="center", fontsize=9,
                   color=PALETTE[1] if style == "--" else "0.2")
    for name, (x, y) in pos.items():
        ax_kg.scatter(x, y, s=1400, color=PALETTE[0], zorder=2)
        ax_kg.text(x, y, name, ha="center", va="center", color="white", fontsize=8, zorder=3)
    ax_kg.set_xlim(-0.5, 2.5)
    ax_kg.set_ylim(-0.6, 1.5)
    ax_kg.set_title("stored facts (solid), a missing link (dashed)", fontsize=10)
    ax_kg.axis("off")
    # right: trained embeddings, 2-D projection
    train, _ = geography_triples()
    E, _ = train_transe(train.encode(), len(train.entities), len(train.relations), seed=0)
    Z = pca(E.double(), k=2).projected  # (44, 2)
    ent = {name: i for i, name in enumerate(train.entities)}
    kind = {}
    for s, p, o in train:
        if p == "capital_of":
            kind[s], kind[o] = "capital", "country"
        elif p == "part_of":
            kind[o] = "continent"
    styles = {"capital": (PALETTE[0], "o"), "country": (PALETTE[2], "s"), "continent": (PALETTE[1], "*")}
    for s, p, o in train.query(predicate="capital_of"):
        a, b = Z[ent[s]].tolist(), Z[ent[o]].tolist()
        ax.annotate("", xy=b, xytext=a, arrowprops={"arrowstyle": "->", "color": "0.6", "lw": 0.9})
    for k, (color, marker) in styles.items():
        idx = [ent[e] for e in train.entities if kind[e] == k]
        ax.scatter(Z[idx, 0], Z[idx, 1], color=color, marker=marker, s=160 if k == "continent" else 30,
                   label=k, zorder=3)
    for name in ("Paris", "France", "Europe", "Tokyo", "Japan", "Asia"):
        ax.annotate(name, Z[ent[name]].tolist(), xytext=(4, 4), textcoords="offset points", fontsize=8)
    ax.set_title("trained TransE embeddings, 2 principal components; arrows: capital_of", fontsize=10)
    ax.legend(fontsize=8, loc="best")
    ax.set_xticks([])
    ax.set_yticks([])
    return fig
