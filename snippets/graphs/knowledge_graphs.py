"""Snippets for docs/graphs/knowledge-graphs.md: triples, TransE, link prediction, retrieval for a prompt."""

# --8<-- [start:triples]
from aimath_ref.graphs import TripleStore

kg = TripleStore([
    ("Paris", "capital_of", "France"),
    ("France", "part_of", "Europe"),
    ("Berlin", "capital_of", "Germany"),
    ("Germany", "part_of", "Europe"),
    ("Paris", "located_on", "Seine"),
])
print(len(kg), "facts,", len(kg.entities), "entities,", len(kg.relations), "relations")
print("about Paris:", kg.query(subject="Paris"))
print("what is part of Europe:", [s for s, _, _ in kg.query(predicate="part_of", object="Europe")])
# --8<-- [end:triples]

# --8<-- [start:score]
import torch

from aimath_ref import get_device
from aimath_ref.graphs import transe_score

dev = get_device()
paris, france, germany = (torch.tensor(v, device=dev) for v in ([0.0, 0.0], [1.0, 2.0], [3.0, 2.0]))
capital_of = torch.tensor([1.0, 2.0], device=dev)  # a relation is a translation
print("(Paris, capital_of, France): ", round(transe_score(paris, capital_of, france).item(), 3) + 0.0)
print("(Paris, capital_of, Germany):", round(transe_score(paris, capital_of, germany).item(), 3))
# --8<-- [end:score]

# --8<-- [start:train]
from aimath_ref.graphs import geography_triples, link_prediction, train_transe

train, held_out = geography_triples()  # capitals, countries, continents
ids = train.encode()  # (56, 3) tensor of ids
E, R = train_transe(ids, len(train.entities), len(train.relations), dim=16, epochs=300, seed=0)
test = train.encode(held_out)  # (Paris, located_in, Europe), (Tokyo, located_in, Asia), ...
for k in (1, 3):
    result = link_prediction(E, R, test, k=k, known=ids)
    print(f"held-out facts: ranks {result.ranks}, mean rank {result.mean_rank}, hits@{k} {result.hits_at_k}")
print("chance level: mean rank about", (len(train.entities) + 1) / 2, "of", len(train.entities))
# --8<-- [end:train]

# --8<-- [start:predict]
from aimath_ref.graphs import geography_triples, train_transe, transe_score

train, _ = geography_triples()
E, R = train_transe(train.encode(), len(train.entities), len(train.relations), seed=0)
ent = {name: i for i, name in enumerate(train.entities)}
rel = {name: i for i, name in enumerate(train.relations)}
print("trained facts about Paris:", train.query(subject="Paris"))
scores = transe_score(E[ent["Paris"]], R[rel["located_in"]], E)  # every entity as the tail
best = scores.topk(3).indices.tolist()
print("Paris located_in ?", [train.entities[i] for i in best])
# --8<-- [end:predict]

# --8<-- [start:rag]
from aimath_ref.graphs import geography_triples

kg, _ = geography_triples()
question = "On which continent is the capital of Kenya?"
facts = kg.query(object="Kenya") + kg.query(subject="Kenya")  # retrieve around the entity
facts += [f for s, _, _ in facts for f in kg.query(subject=s)]  # one hop further
lines = sorted({f"{s} {p.replace('_', ' ')} {o}." for s, p, o in facts})
prompt = "Answer using only these facts:\n" + "\n".join(lines) + f"\nQuestion: {question}"
print(prompt)
# --8<-- [end:rag]
