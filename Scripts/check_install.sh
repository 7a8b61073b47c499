#!/usr/bin/env bash
# After `make dist` (which installs zsh, man-db and groff-base where missing): install into a scratch DESTDIR,
# check what was installed (the binaries run, each man page reads with man -l, the bash and zsh completions parse
# with bash -n and zsh -n, fish's with fish -n where fish is installed, every script asks vaultgen for note names,
# and bash, sourced, completes a note name in the sample vault), then uninstall and check that nothing is left.
# Prints one line per check and "N passed, N failed".
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
bash_completion="$p/share/bash-completion/completions/vaultgen"
zsh_completion="$p/share/zsh/site-functions/_vaultgen"
fish_completion="$p/share/fish/vendor_completions.d/vaultgen.fish"
check "bash -n completion" "bash -n '$bash_completion'"
check "zsh -n completion" "zsh -n '$zsh_completion'"
if command -v fish >/dev/null; then check "fish -n completion" "fish --no-execute '$fish_completion'"; fi
check "fish completion installed" "test -s '$fish_completion'"
for script in "$bash_completion" "$zsh_completion" "$fish_completion"; do
    check "$(basename "$script") completes note names" "grep -q -- '---completion chart -- positional@0' '$script'"
done
# Sourced as bash loads it, asked for `vaultgen chart Crypto-to-AI<TAB>` in the sample vault: the installed vaultgen
# answers with the notes whose names start so.
bash_completes_note() (
    cd Vault && PATH="$p/bin:$PATH" bash -c 'source "$1"
        COMP_WORDS=(vaultgen chart Crypto-to-AI); COMP_CWORD=2; COMP_LINE="vaultgen chart Crypto-to-AI"
        COMP_POINT=${#COMP_LINE}
        _vaultgen vaultgen Crypto-to-AI chart
        printf "%s\n" "${COMPREPLY[@]}"' bash "$bash_completion" | grep -qx 'Crypto-to-AI pivot'
)
check "bash completes a note name in the sample vault" bash_completes_note
make -s uninstall DESTDIR="$dest" PREFIX=/usr/local >/dev/null
check "uninstall leaves no file" "test -z \"\$(find '$dest' -type f)\""
echo "install: $passed passed, $failed failed"
test "$failed" -eq 0
