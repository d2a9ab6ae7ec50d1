"""Examples for the page Scalars, vectors & matrices (docs/linear-algebra/scalars-vectors-matrices.md). Runs on its own."""

# --8<-- [start:objects]
import torch

from aimath_ref import get_device

device = get_device()
lr = torch.tensor(0.001, device=device)  # scalar: a single number
pixel = torch.tensor([255.0, 128.0, 0.0], device=device)  # vector: an RGB colour, a point in R^3
image = torch.zeros(28, 28, device=device)  # matrix: a 28 x 28 grayscale image

for name, t in [("scalar", lr), ("vector", pixel), ("matrix", image)]:
    print(f"{name}: ndim={t.ndim}, shape={tuple(t.shape)}")
# --8<-- [end:objects]

# --8<-- [start:prompt]
import torch

from aimath_ref import get_device

device = get_device()
d_model = 768  # GPT-2 small; the original Transformer used 512, GPT-3 uses 12,288
vocab = 1000  # a toy vocabulary (GPT-2's has 50,257 tokens)
gen = torch.Generator().manual_seed(0)
embedding_table = torch.randn(vocab, d_model, generator=gen).to(device)  # one row per token
token_ids = torch.randint(0, vocab, (100,), generator=gen).to(device)  # a 100-token prompt

X = embedding_table[token_ids]  # look up one row per token
print("prompt matrix:", tuple(X.shape))  # (tokens, d_model)
print("row 7 is the embedding of token 7:", torch.equal(X[7], embedding_table[token_ids[7]]))
# --8<-- [end:prompt]

# --8<-- [start:dataset]
from aimath_ref import rand

images = rand(1000, 28, 28, seed=1)  # 1,000 grayscale images
X = images.reshape(1000, -1)  # flatten each 28 x 28 image into one row of 784 numbers
print("images:", tuple(images.shape), "-> data matrix:", tuple(X.shape))
print("row 0 is image 0, read row by row:", bool((X[0] == images[0].flatten()).all()))
# --8<-- [end:dataset]
