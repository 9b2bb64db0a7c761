#!/bin/sh
# The bookmark store under contention (issue 14); not run in CI. Builds in release mode and runs
# `duizhao-bench store-stress`: on a CPU kept busy by two busy loops, CLI writers adding (some in bursts that are
# killed with SIGKILL), removing and re-noting bookmarks, CLI readers listing and exporting, and two readers in
# tmux adding bookmarks with M; then checks the store and both readers. Needs tmux.
#   Scripts/store-stress.sh [--seconds S] [--writers N]
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product duizhao >/dev/null
swift build -c release --product duizhao-bench >/dev/null
exec .build/release/duizhao-bench store-stress "$@"
