"""Reference outputs of mulberry32 (an independent Python port of the published JavaScript), for
test/synth/random.test.ts.

Run:  python3 test/synth/reference/mulberry32.py
"""


def mulberry32(seed):
    state = seed & 0xFFFFFFFF
    def imul(a, b):
        return (a * b) & 0xFFFFFFFF
    while True:
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        t = state
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        yield (t ^ (t >> 14)) & 0xFFFFFFFF
for seed in (1, 4331, 0xFFFFFFFF):
    g = mulberry32(seed)
    vals = [next(g) for _ in range(5)]
    print(seed, vals, repr(vals[0] / 4294967296))
