"""Independent re-implementation of Trajectories.Analysis.Disclosure.CellRandom, used to pin
DisclosureRuleTests.Unbiased_random_draw_is_pinned_across_processes. Run: python3 cell_random.py"""
M = (1 << 64) - 1


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)


def uniform(seed, key):
    h = 14695981039346656037
    for b in key.encode("utf-8"):
        h = ((h ^ b) * 1099511628211) & M
    z = mix(h ^ mix((seed + 0x9E3779B97F4A7C15) & M))
    return (z >> 11) * (1.0 / (1 << 53))


if __name__ == "__main__":
    # 12 = 10 + 2: up to 15 with probability 2/5.
    print([10 + (5 if uniform(2026, f"lvb/cell{i}") < 2 / 5 else 0) for i in range(8)])
