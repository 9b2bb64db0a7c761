#!/usr/bin/env bash
# Fuzzes decode → import → compare with libFuzzer (not part of CI).
#   Scripts/fuzz.sh [SECONDS]   (default 600)
# Seeds: the bundled texts, the format fixtures (pages, Word files), ../shared/corpus and ../shared/seeds. Findings land in Tests/DuizhaoCoreTests/Fixtures/fuzz/
# (crash-*, timeout-*, oom-*); replay one with `swift run duizhao-fuzz FILE` and keep it as a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
scratch=.build/fuzz
swift build --scratch-path "$scratch" --product duizhao-fuzz -c debug --sanitize=fuzzer -Xswiftc -DFUZZING
findings=Tests/DuizhaoCoreTests/Fixtures/fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$findings" "$work/corpus"
cp Resources/*.txt "$work/corpus/"
# Saved pages and Word files (the HTML and DOCX paths).
cp Tests/Fixtures/formats/*.htm* Tests/Fixtures/formats/*.docx "$work/corpus/"
for f in ../shared/corpus/*/* ../shared/seeds/*; do [ -f "$f" ] && cp "$f" "$work/corpus/$(echo "$f" | tr '/' '_')"; done
"$scratch/debug/duizhao-fuzz" "$work/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
  -max_len=65536 -artifact_prefix="$findings/" -print_final_stats=1 2>&1 | tee "$work/log" | grep -E '^#[0-9]+[[:space:]]+(INITED|DONE|pulse)|==|SUMMARY|stat::' || true
if [ -n "$(ls -A "$findings")" ]; then echo "findings in $findings:"; ls "$findings"; else rmdir "$findings"; echo "no findings"; fi
