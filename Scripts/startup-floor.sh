#!/bin/sh
# Builds the start-up floor (a minimal Swift + ncursesw program drawing one frame, statically linked like the
# release duizhao) to .build/startup-floor, for `duizhao-bench startup --floor .build/startup-floor`.
set -eu
cd "$(dirname "$0")/.."
mkdir -p .build
# Linked as the release duizhao is: Swift runtime, ncursesw and terminfo from archives, position-dependent.
swiftc -O -static-stdlib -I Sources/CNcursesw Scripts/startup-floor/main.swift -o .build/startup-floor \
    -Xclang-linker -no-pie -Xlinker -l:libncursesw.a -Xlinker -l:libtinfo.a
echo .build/startup-floor
