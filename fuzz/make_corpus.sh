#!/usr/bin/env bash
# Regenerates the seed corpora in fuzz/corpus/ (committed; small files, one input each).
# Text seeds only; the audio decoder's seeds are generated at fuzz time (make_audio_seeds.sh).
set -euo pipefail
cd "$(dirname "$0")"
rm -rf corpus && mkdir -p corpus
seed() {  # seed TARGET NAME TEXT: one seed file, printf-escapes in TEXT expanded
  mkdir -p "corpus/$1"
  printf '%b' "$3" >"corpus/$1/$2"
}
exports=../src/export/testdata

# Lyric sheets: the first byte picks the language (see lyric_sheet_fuzzer.cc).
seed lyric_sheet_fuzzer plain '\x00Hello, world\nIt'"'"'s 4ever & 21 days (oh yeah)\n'
seed lyric_sheet_fuzzer sections '\x00[Verse 1]\nWe sing in the 90s\n\n[Chorus]\nLa la la x2\n[Chorus]\n'
seed lyric_sheet_fuzzer repeats '\x00(x3) Again and again\nNa na na (x2)\n[Repeat chorus]\n'
seed lyric_sheet_fuzzer french '\x01\xef\xbb\xbfL'"'"'amour, 1er \xc3\xa9t\xc3\xa9\r\n2e fois \xe2\x80\x94 3\xc3\xa8me\r'
seed lyric_sheet_fuzzer german '\x03Stra\xc3\x9fe 1.000 \xc3\x9cber\n'
seed lyric_sheet_fuzzer notes '\x00[laughs]\n...\n{spoken} well-known 007 1,000\n'
seed lyric_sheet_fuzzer lrc '\x00[ti:Song]\n[00:01.00]First line\n[00:02.50]Second line\n'

# espeak-ng IPA output: the first byte picks the language.
seed phone_mapper_fuzzer en '\x00h\xc9\x99l\xcb\x88o\xca\x8a w\xc9\x9c\xcb\x90ld'
seed phone_mapper_fuzzer fr '\x02b \xc9\x94\xcc\x83 \xca\x92 \xcb\x88u \xca\x81 \xc9\x91\xcc\x83'
seed phone_mapper_fuzzer de '\x03\xc3\xa7 ts pf \xc9\x9c \xca\x8f \xc3\xb8\xcb\x90'
seed phone_mapper_fuzzer es '\x04\xca\x8e \xc9\xb2 \xc9\xbe r t\xca\x83 d\xca\x92'
seed phone_mapper_fuzzer switch '\x00(en) a\xc9\xaa (fr) \xc5\x93\xcc\x83 \xca\x94 \xc2\xb7'

# Export formats: the writers' own output.
for target in lrc_fuzzer; do
  mkdir -p "corpus/$target"
  cp "$exports/sample.lrc" "corpus/$target/sample.lrc"
  cp "$exports/sample.enhanced.lrc" "corpus/$target/sample.enhanced.lrc"
done
seed lrc_fuzzer offset '[offset:+500]\r\n[00:10.00][00:02.00]chorus\n\n[00:05.00]verse <3\n[length:01:00]\n'
mkdir -p corpus/srt_fuzzer corpus/vtt_fuzzer corpus/alignment_json_fuzzer
cp "$exports/sample.srt" corpus/srt_fuzzer/
cp "$exports/sample.vtt" corpus/vtt_fuzzer/
seed vtt_fuzzer notes 'WEBVTT - x\nKind: captions\n\nNOTE a\nb\n\nSTYLE\n::cue {}\n\nid\n00:01.000 --> 00:02.000 align:start\n<c>a</c> <00:01.500>b &amp; &lt;\n'
cp "$exports/sample.json" corpus/alignment_json_fuzzer/
seed alignment_json_fuzzer minimal '{"lines":[{"text":"a","start_s":1,"end_s":2,"words":[{"text":"a","start_s":1,"end_s":2}]}],"mode":"transcribed"}'
seed export_writers_fuzzer bytes '\x10\x20title\x00artist\x00\x05line\x01\x02\x03\xff\xfe words'

# HTTP: Content-Type row, then the body.
seed multipart_fuzzer form 'multipart/form-data; boundary=XyZ\n--XyZ\r\nContent-Disposition: form-data; name="url"\r\n\r\nhttps://e.com/a\r\n--XyZ\r\nContent-Disposition: form-data; name="audio"; filename="a.mp3"\r\nContent-Type: audio/mpeg\r\n\r\nID3\x00\x01\r\n--XyZ--\r\n'
seed multipart_fuzzer quoted 'multipart/form-data; boundary="a b\\"c"\n--a b"c\r\nContent-Disposition: form-data; name=lyrics\r\n\r\nla\r\n--a b"c--'
seed request_target_fuzzer jobs '/v1/jobs?state=queued&limit=20&cursor=abc%3D%3D&flag'
seed request_target_fuzzer escapes '/v1/jobs/a%20b/lyrics.lrc?x=1+2&y=%E2%82%AC&&=z'
seed byte_range_fuzzer open '\x00\x10\x00\x00\x00\x00\x00\x00bytes=100-'
seed byte_range_fuzzer suffix '\xe8\x03\x00\x00\x00\x00\x00\x00bytes=-500'
seed byte_range_fuzzer pair '\xff\xff\xff\xff\xff\xff\xff\xffbytes=0-1,5-9'
# POST /v1/jobs: the first byte picks JSON (even) or multipart with boundary XyZ (odd).
seed job_submission_fuzzer json '\x00{"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1","lyrics":"la la","language":"en","formats":["lrc","srt"]}'
seed job_submission_fuzzer upload '\x00{"upload_id":"abc","lyrics":null,"formats":"json, vtt"}'
seed job_submission_fuzzer nested '\x00{"url":[[[[{"a":[1,2,{"b":null}]}]]]]}'
seed job_submission_fuzzer form '\x01--XyZ\r\nContent-Disposition: form-data; name="url"\r\n\r\nhttp://[::1]:80/x\r\n--XyZ\r\nContent-Disposition: form-data; name="formats"\r\n\r\nass\r\n--XyZ--\r\n'

# yt-dlp.
seed media_info_fuzzer full '{"id":"dQw4w9WgXcQ","title":"T","artist":"A","track":"S","album":"L","uploader":"U","duration":212.5,"formats":[{"format_id":"251"}]}'
seed media_info_fuzzer odd '{"id":7,"title":null,"duration":-1e308,"artist":["x"]}'

# LRCLIB answers: a track (GET /api/get) and a search result (GET /api/search).
seed lrclib_answers_fuzzer synced '{"id":3396226,"trackName":"Title","artistName":"Artist","albumName":"Album","duration":201,"instrumental":false,"plainLyrics":"a\\nb","syncedLyrics":"[00:01.00] a\\n[00:02.50] b"}'
seed lrclib_answers_fuzzer instrumental '{"id":1,"trackName":"T","artistName":"A","duration":200.4,"instrumental":true,"plainLyrics":null,"syncedLyrics":null}'
seed lrclib_answers_fuzzer search '[{"id":1,"artistName":"Artist","trackName":"Title","duration":199,"plainLyrics":"x"},{"id":2,"artistName":"artist feat. B","duration":204.9,"syncedLyrics":"[00:00.10] y"},{"artistName":7,"duration":"200"},null]'
seed yt_dlp_messages_fuzzer progress '\x01[download]  42.3% of 3.21MiB at 1.2MiB/s ETA 00:02\n[download] 100% of 3.21MiB\nERROR: [youtube] x: Video unavailable\n'
seed yt_dlp_messages_fuzzer http '\x01WARNING: w\nERROR: unable to download video data: HTTP Error 403: Forbidden\n'
seed yt_dlp_messages_fuzzer bot '\x02ERROR: [youtube] a: Sign in to confirm you'"'"'re not a bot\n'

# Audio seeds are generated when fuzzing, not committed: see make_audio_seeds.sh.
