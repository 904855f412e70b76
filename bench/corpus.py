"""A synthetic corpus for the benchmark: thousands of distinct articles recombined from seeds/.

Each article is a title line, a date line and a few paragraphs; a paragraph is either a whole seed
paragraph or a run of sentences drawn from all the seeds. One ``random.Random(seed)`` draws the
articles in order, so the first 2,000 articles of a 10,000-article corpus are the 2,000-article
corpus, and the same arguments always give the same bytes.

    python bench/corpus.py 2000 --out bench/corpus/2000
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEFAULT_SEED = 20240607
# A sentence ends at . ! ? … followed by a space and an upper-case letter or a digit.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ỸĐ0-9\"“(])")


@dataclass(frozen=True)
class Pool:
    """What the seeds offer to recombine."""

    titles: tuple[str, ...]
    paragraphs: tuple[str, ...]
    sentences: tuple[str, ...]


def load_pool(seeds: Path = SEEDS) -> Pool:
    titles: list[str] = []
    paragraphs: list[str] = []
    sentences: list[str] = []
    for path in sorted(seeds.glob("*.txt")):
        blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))]
        blocks = [b for b in blocks if b]
        for block in blocks:
            words = block.split()
            if len(words) < 12:
                if len(words) >= 4:
                    titles.append(block)
                continue
            paragraphs.append(block)
            sentences.extend(s for s in _SENTENCE_END.split(block) if len(s.split()) >= 5)
    if not paragraphs or not sentences:
        raise SystemExit(f"no usable text in {seeds}")
    return Pool(tuple(titles or sentences[:10]), tuple(paragraphs), tuple(sentences))


def article(rng: random.Random, pool: Pool) -> str:
    """One article of 2 to 6 paragraphs, about the length of a seed article on average."""
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2015, 2024)
    lines = [
        rng.choice(pool.titles),
        f"{day:02d}/{month:02d}/{year}, {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}",
    ]
    for _ in range(rng.randint(2, 6)):
        if rng.random() < 0.25:
            lines.append(rng.choice(pool.paragraphs))
        else:
            lines.append(" ".join(rng.choice(pool.sentences) for _ in range(rng.randint(1, 5))))
    return "\n\n".join(lines) + "\n"


def articles(count: int, seed: int = DEFAULT_SEED, pool: Pool | None = None) -> list[str]:
    """``count`` distinct articles, the same for the same ``seed``."""
    pool = pool or load_pool()
    rng = random.Random(seed)
    seen: set[bytes] = set()
    out: list[str] = []
    while len(out) < count:
        text = article(rng, pool)
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
        if digest not in seen:
            seen.add(digest)
            out.append(text)
    return out


def build(out: Path, count: int, seed: int = DEFAULT_SEED) -> Path:
    """Write the corpus to ``out`` (``00000.txt`` …) unless it is already there, complete."""
    stamp = out / ".complete"
    expected = f"{count} {seed}\n"
    if stamp.is_file() and stamp.read_text() == expected:
        return out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    for i, text in enumerate(articles(count, seed)):
        (out / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    stamp.write_text(expected)
    return out


def build_file(out: Path, megabytes: int, seed: int = DEFAULT_SEED) -> Path:
    """One file of about ``megabytes`` MiB: distinct articles one after another, a blank line between
    them (a concatenated dump, as archives hold), unless it is already there."""
    stamp = out.with_name(out.name + ".complete")
    expected = f"{megabytes} {seed}\n"
    if out.is_file() and stamp.is_file() and stamp.read_text() == expected:
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    pool = load_pool()
    rng = random.Random(seed)
    size, target = 0, megabytes << 20
    with out.open("w", encoding="utf-8") as fh:
        while size < target:
            text = article(rng, pool) + "\n"
            fh.write(text)
            size += len(text.encode("utf-8"))
    stamp.write_text(expected)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of articles")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="directory (default: bench/corpus/COUNT)")
    args = parser.parse_args(argv)
    out = build(args.out or ROOT / "bench" / "corpus" / str(args.count), args.count, args.seed)
    total = sum(p.stat().st_size for p in out.glob("*.txt"))
    print(f"{out}: {args.count} articles, {total:,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
