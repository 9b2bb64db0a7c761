#!/bin/sh
# Installs duizhao under PREFIX (default ~/.local): a release build at PREFIX/bin/duizhao, the man page
# PREFIX/share/man/man1/duizhao.1 (generated from the command definitions by swift-argument-parser's
# generate-manual plugin; every subcommand is in it), and bash, zsh and fish completions.
#   Scripts/install.sh [PREFIX]
# $DUIZHAO_SCRATCH_PATH: another build directory than .build (e.g. for a test running while .build is busy).
set -eu
prefix="${1:-$HOME/.local}"
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac
cd "$(dirname "$0")/.."

echo "building (release)…"
scratch="${DUIZHAO_SCRATCH_PATH:-.build}"
swift build -c release --product duizhao --scratch-path "$scratch"
binary="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/duizhao"

echo "generating the man page…"
manuals="$scratch/plugins/GenerateManual/outputs/duizhao"
rm -rf "$manuals"
swift package --scratch-path "$scratch" generate-manual >/dev/null
test -s "$manuals/duizhao.1" || { echo "install.sh: the man page was not generated ($manuals/duizhao.1)" >&2; exit 1; }

bin="$prefix/bin"
man1="$prefix/share/man/man1"
bash_completions="$prefix/share/bash-completion/completions"
zsh_completions="$prefix/share/zsh/site-functions"
fish_completions="$prefix/share/fish/vendor_completions.d"
mkdir -p "$bin" "$man1" "$bash_completions" "$zsh_completions" "$fish_completions"

# Through a temporary name and a rename, so a running duizhao is never overwritten in place.
cp "$binary" "$bin/.duizhao.new"
strip "$bin/.duizhao.new" 2>/dev/null || true
chmod 755 "$bin/.duizhao.new"
mv -f "$bin/.duizhao.new" "$bin/duizhao"
cp "$manuals/duizhao.1" "$man1/duizhao.1"
chmod 644 "$man1/duizhao.1"
"$bin/duizhao" --generate-completion-script bash >"$bash_completions/duizhao"
"$bin/duizhao" --generate-completion-script zsh >"$zsh_completions/_duizhao"
"$bin/duizhao" --generate-completion-script fish >"$fish_completions/duizhao.fish"

echo "installed:"
echo "  $bin/duizhao ($("$bin/duizhao" --version))"
echo "  $man1/duizhao.1"
echo "  $bash_completions/duizhao"
echo "  $zsh_completions/_duizhao"
echo "  $fish_completions/duizhao.fish"
case ":$PATH:" in *":$bin:"*) ;; *) echo "note: $bin is not on your PATH" ;; esac
