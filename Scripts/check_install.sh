#!/usr/bin/env bash
# After `make dist`: install into a scratch DESTDIR, check what was installed (the binaries run, each man page
# reads with man -l, the bash completion parses with bash -n, zsh's with zsh -n where zsh is installed), then
# uninstall and check that nothing is left. Prints one line per check and "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
passed=0; failed=0
check() { if eval "$2" >/dev/null 2>&1; then echo "ok   $1"; passed=$((passed+1)); else echo "FAIL $1"; failed=$((failed+1)); fi; }
make -s install DESTDIR="$dest" PREFIX=/usr/local >/dev/null || { echo "FAIL make install"; echo "0 passed, 1 failed"; exit 1; }
p="$dest/usr/local"
check "vaultgen runs from its install folder" "'$p/bin/vaultgen' --version"
check "vaultgen-fetch is beside it" "test -x '$p/bin/vaultgen-fetch'"
check "templates installed as examples" "diff -r Templates '$p/share/vaultgen/Templates'"
check "update runs on its built-in templates" "tmp=\$(mktemp -d) && cp -r Vault/. \$tmp/ && '$p/bin/vaultgen' update -C \$tmp --dry-run; s=\$?; rm -rf \$tmp; test \$s -eq 0"
for page in "$p"/share/man/man1/vaultgen*.1; do
    check "man -l $(basename "$page")" "MANWIDTH=80 man -l '$page' | grep -q vaultgen"
done
check "a man page per command" "test \$(ls '$p'/share/man/man1/vaultgen*.1 | wc -l) -ge 9"
check "bash -n completion" "bash -n '$p/share/bash-completion/completions/vaultgen'"
if command -v zsh >/dev/null; then check "zsh -n completion" "zsh -n '$p/share/zsh/site-functions/_vaultgen'"; fi
check "fish completion installed" "test -s '$p/share/fish/vendor_completions.d/vaultgen.fish'"
make -s uninstall DESTDIR="$dest" PREFIX=/usr/local >/dev/null
check "uninstall leaves no file" "test -z \"\$(find '$dest' -type f)\""
echo "install: $passed passed, $failed failed"
test "$failed" -eq 0
