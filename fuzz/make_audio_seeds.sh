#!/usr/bin/env bash
# Writes the audio decoder's seed inputs into DIR: 0.05 s tones in the containers uploads come
# in (wav, flac, ogg, mp3, m4a, opus), made with sox, lame and ffmpeg. Generated when fuzzing
# (scripts/fuzz.sh), never committed.
#   fuzz/make_audio_seeds.sh DIR
set -euo pipefail
audio=${1:?usage: fuzz/make_audio_seeds.sh DIR}
mkdir -p "$audio"
sox -n -r 8000 -c 1 -b 16 "$audio/tone.wav" synth 0.05 sine 440
# 44.1 kHz stereo: decoded at half rate for the separator (DecodeOptions::max_original_rate_hz)
sox -n -r 44100 -c 2 -b 16 "$audio/stereo44.wav" synth 0.05 sine 440
sox -n -r 8000 -c 1 "$audio/tone.flac" synth 0.05 sine 440
sox -n -r 8000 -c 1 "$audio/tone.ogg" synth 0.05 sine 440
lame --quiet -b 8 "$audio/tone.wav" "$audio/tone.mp3"
ffmpeg -loglevel error -y -i "$audio/tone.wav" -c:a aac -b:a 8k "$audio/tone.m4a"
ffmpeg -loglevel error -y -i "$audio/tone.wav" -c:a libopus -b:a 6k "$audio/tone.opus"
