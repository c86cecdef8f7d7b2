#!/usr/bin/env python3
"""Writes the small sample traces beside this script, in each format `yardstick benchmark --trace` reads.

Synthetic: Poisson arrivals and lengths drawn from a fixed seed, so running it again gives the same files.

    python3 scenarios/traces/generate.py
"""
import json
import random
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(13)


def arrivals(n, rate):
    """n Poisson arrival times in seconds, the first at 0."""
    t, times = 0.0, []
    for _ in range(n):
        times.append(t)
        t += rng.expovariate(rate)
    return times


# Azure LLM inference trace (2023 layout): absolute times with 7 fractional digits, prompt and answer lengths.
# Lengths small enough for the embedded stories260K model's context.
start = datetime(2023, 11, 16, 18, 15, 46, 680590)
with open(HERE / "sample-azure.csv", "w") as f:
    f.write("TIMESTAMP,ContextTokens,GeneratedTokens\n")
    for t in arrivals(40, 8.0):
        at = start + timedelta(seconds=t)
        f.write(f"{at:%Y-%m-%d %H:%M:%S}.{at.microsecond:06d}{rng.randint(0, 9)},"
                f"{rng.randint(8, 48)},{rng.randint(4, 24)}\n")

# Mooncake (FAST '25) layout: ms offsets, lengths, and 512-token blocks by hash id. A few system prompts (ids 0-3)
# and conversations that grow (each keeps its earlier blocks), so prefixes repeat as they do in a chat service.
with open(HERE / "sample-mooncake.jsonl", "w") as f:
    next_id = 4
    conversations = []
    for t in arrivals(40, 4.0):
        if conversations and rng.random() < 0.5:
            ids = rng.choice(conversations)
            ids.append(next_id)
        else:
            ids = [rng.randint(0, 3), next_id]
            conversations.append(ids)
        next_id += 1
        tail = rng.randint(16, 400)
        line = {"timestamp": round(t * 1000), "input_length": 512 * (len(ids) - 1) + tail,
                "output_length": rng.randint(8, 64), "hash_ids": list(ids)}
        f.write(json.dumps(line) + "\n")

# Yardstick JSONL: offsets in ms, lengths, and optionally the prompt to send as written.
questions = ["Tell me a story about a cat.", "What did the dog find in the park?", "Why is the sky blue?"]
with open(HERE / "sample-yardstick.jsonl", "w") as f:
    for i, t in enumerate(arrivals(20, 5.0)):
        line = {"offset_ms": round(t * 1000, 1), "input_tokens": rng.randint(8, 32), "output_tokens": rng.randint(8, 32)}
        if i % 4 == 0:
            line["prompt"] = questions[(i // 4) % len(questions)]
        f.write(json.dumps(line) + "\n")
