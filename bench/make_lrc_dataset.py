#!/usr/bin/env python3
"""Builds a JamendoLyrics-layout dataset whose lyric sheets carry LRC line tags.

Each sheet line gets the reference onset of its line (annotations/lines/<song>.csv) moved by a
uniform random error of up to +-NOISE seconds, as a hand-made LRC or LRCLIB's synced lyrics
would have. Audio, annotations and word lists are linked, not copied.

    bench/make_lrc_dataset.py ../shared/data/jamendo-dev /tmp/ds-lrc --noise 0.7 --seed 1
    ./build/yt-lyrics bench --dataset /tmp/ds-lrc
"""
import argparse
import csv
import os
import random
import sys


def lrc_sheet(sheet_lines, line_onsets, noise, rng):
    out, k = [], 0
    for line in sheet_lines:
        if not line.strip():
            out.append("")
            continue
        if k >= len(line_onsets):
            raise ValueError("more sheet lines than annotated lines")
        t = max(0.0, line_onsets[k] + rng.uniform(-noise, noise))
        k += 1
        out.append(f"[{int(t // 60):02d}:{t % 60:05.2f}]{line}")
    if k != len(line_onsets):
        raise ValueError(f"{k} sheet lines for {len(line_onsets)} annotated lines")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset")
    parser.add_argument("output")
    parser.add_argument("--noise", type=float, default=0.7, help="seconds, uniform +-")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    src = os.path.abspath(args.dataset)
    os.makedirs(os.path.join(args.output, "lyrics"), exist_ok=True)
    for name in ("mp3", "annotations", "JamendoLyrics.csv"):
        link = os.path.join(args.output, name)
        if not os.path.lexists(link):
            os.symlink(os.path.join(src, name), link)
    for f in sorted(os.listdir(os.path.join(src, "lyrics"))):
        path = os.path.join(src, "lyrics", f)
        dest = os.path.join(args.output, "lyrics", f)
        if f.endswith(".words.txt"):
            if not os.path.lexists(dest):
                os.symlink(path, dest)
            continue
        song = f[: -len(".txt")]
        with open(os.path.join(src, "annotations", "lines", song + ".csv"), newline="") as fh:
            onsets = [float(row["start_time"]) for row in csv.DictReader(fh)]
        with open(path, encoding="utf-8") as fh:
            sheet = fh.read().split("\n")
        while sheet and not sheet[-1].strip():
            sheet.pop()
        try:
            text = lrc_sheet(sheet, onsets, args.noise, rng)
        except ValueError as e:
            sys.exit(f"{path}: {e}")
        with open(dest, "w", encoding="utf-8") as fh:
            fh.write(text)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
