"""Examples for the page Tensors (docs/linear-algebra/tensors.md). Runs on its own."""

# --8<-- [start:ladder]
import torch

from aimath_ref import get_device, randn

x = torch.tensor(3.14, device=get_device())  # scalar (0-D)
emb = randn(512, seed=0)  # vector (1-D): one word embedding
batch_emb = randn(32, 512, seed=1)  # matrix (2-D): batch x dim
seq = randn(32, 128, 512, seed=2)  # 3-D: (batch, seq_len, d_model)
images = randn(16, 3, 224, 224, seed=3)  # 4-D: 16 RGB images of 224 x 224, (B, C, H, W)

for name, t in [("x", x), ("emb", emb), ("batch_emb", batch_emb), ("seq", seq), ("images", images)]:
    print(f"{name:>9}: ndim={t.ndim}  shape={tuple(t.shape)}")
# --8<-- [end:ladder]

# --8<-- [start:attributes]
import torch

from aimath_ref import get_device

device = get_device()
t = torch.tensor([[1.0, 2.0], [3.0, 4.0]], device=device)
ids = torch.tensor([101, 2023, 102], device=device)  # token ids are integers
print("shape:", tuple(t.shape), " dtype:", t.dtype, " on the chosen device:", t.device.type == device.type)
print("token ids dtype:", ids.dtype)
# --8<-- [end:attributes]

# --8<-- [start:heads]
from aimath_ref import randn
from aimath_ref.linalg import attention_scores

B, T, D, heads = 2, 10, 64, 4
x = randn(B, T, D, seed=4)  # text batch: (B, T, D)
q = x.reshape(B, T, heads, D // heads).transpose(1, 2)  # split D into heads: (B, heads, T, D/heads)
k = q  # self-attention on the same tokens (no projections, to keep the shapes in view)
scores = attention_scores(q, k)  # (B, heads, T, T)
print("x:", tuple(x.shape), "-> per head:", tuple(q.shape), "-> scores:", tuple(scores.shape))
# --8<-- [end:heads]

# --8<-- [start:video]
import torch

from aimath_ref import randn

clips = randn(2, 8, 3, 32, 32, seed=5)  # (B, T, C, H, W): 2 clips of 8 RGB frames
gen = torch.Generator().manual_seed(6)
conv = torch.nn.Conv3d(in_channels=3, out_channels=16, kernel_size=3, padding=1)
with torch.no_grad():  # deterministic weights, whatever the device
    for p in conv.parameters():
        p.copy_(torch.randn(p.shape, generator=gen))
conv = conv.to(clips.device)

x = clips.permute(0, 2, 1, 3, 4)  # Conv3d wants channels before time: (B, C, T, H, W)
print("frames first:", tuple(clips.shape), "-> channels first:", tuple(x.shape))
print("Conv3d output:", tuple(conv(x).shape))
# --8<-- [end:video]

# --8<-- [start:broadcast]
import torch

from aimath_ref import randn
from aimath_ref.linalg import broadcast_shape

out = randn(4, 32, seed=7)  # 4 output units for a batch of 32 inputs, as columns
bias = randn(4, 1, seed=8)  # one bias per unit
y = out + bias  # the (4, 1) column is repeated across the 32 columns
print("(4, 1) + (4, 32) ->", tuple(y.shape), "=", broadcast_shape((4, 1), (4, 32)))
print("column 31 got the same bias:", torch.allclose(y[:, 31] - out[:, 31], bias[:, 0]))
try:
    broadcast_shape((4,), (4, 32))  # (4,) lines up with the 32, not with the 4
except ValueError as err:
    print(err)
# --8<-- [end:broadcast]
