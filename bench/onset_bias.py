#!/usr/bin/env python3
"""Which way do the aligned word onsets lean? Signed errors against a JamendoLyrics dataset.

For each song with a `sync` JSON in OUT/<song>/ (as `yt-lyrics bench --keep OUT` leaves it),
prints the median signed onset error (aligned - reference) of the words within 0.3 s, split by
line-initial vs. other words and by consonant- vs. vowel-initial spelling, then the same over
all songs. Large errors are left out: they are misplacements, not a lean.

    ./build/yt-lyrics bench --dataset ../shared/data/jamendo-dev --keep /tmp/out
    bench/onset_bias.py ../shared/data/jamendo-dev /tmp/out
"""
import argparse
import csv
import glob
import json
import os
import statistics
import sys

VOWELS = set("aeiouyàâéèêëîïôöûüùáíóúäœ")
NEAR_S = 0.3


def median(values):
    return f"{statistics.median(values):+.3f}" if values else "   -  "


def song_errors(dataset, out, song):
    with open(os.path.join(dataset, "annotations", "words", song + ".csv"), newline="") as f:
        reference = [float(row["word_start"]) for row in csv.DictReader(f)]
    found = glob.glob(os.path.join(out, song, "*.json"))
    if not found:
        return None
    with open(found[0]) as f:
        result = json.load(f)
    line_first = [k == 0 for line in result["lines"] for k, _ in enumerate(line["words"])]
    rows = []
    for ref, word, first in zip(reference, result["words"], line_first):
        error = word["start_s"] - ref
        if abs(error) <= NEAR_S:
            rows.append((error, first, word["text"][:1].lower() in VOWELS))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", help="JamendoLyrics-layout folder")
    parser.add_argument("out", help="folder with one sync output folder per song")
    args = parser.parse_args()
    songs = sorted(os.path.splitext(n)[0] for n in os.listdir(os.path.join(args.dataset, "mp3")))
    every = []
    print(f"{'song':32s} {'words':>6s} {'all':>7s} {'line 1st':>8s} {'others':>7s} "
          f"{'cons.':>7s} {'vowel':>7s}")
    for song in songs:
        rows = song_errors(args.dataset, args.out, song)
        if rows is None:
            print(f"{song[:32]:32s} no sync JSON in {os.path.join(args.out, song)}", file=sys.stderr)
            continue
        every += rows
        print_row(song[:32], rows)
    if every:
        print_row("ALL", every)


def print_row(name, rows):
    pick = lambda keep: [e for e, first, vowel in rows if keep(first, vowel)]
    print(f"{name:32s} {len(rows):6d} {median(pick(lambda f, v: True)):>7s} "
          f"{median(pick(lambda f, v: f)):>8s} {median(pick(lambda f, v: not f)):>7s} "
          f"{median(pick(lambda f, v: not v)):>7s} {median(pick(lambda f, v: v)):>7s}")


if __name__ == "__main__":
    main()
