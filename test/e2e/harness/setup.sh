#!/usr/bin/env bash
# Installs what the test suites need beyond npm packages, on a Debian machine that reaches only the
# npm registry and Debian's packages: gofmt (golang-go) to check generated Go code, Neovim (an LSP
# client other than VS Code, test/lsp/neovim.test.ts), Chromium (driven by playwright-core), and
# code-server 4.100.3, which serves VS Code 1.100.3, in a cached folder. Idempotent; fails loudly
# when anything is missing.
set -euo pipefail
cd "$(dirname "$0")/../../.."
CODE_SERVER_VERSION=4.100.3
DIR=".vscode-test/code-server-$CODE_SERVER_VERSION"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v gofmt >/dev/null 2>&1 || need_apt+=(golang-go)
# The YAML oracle (test/oracle) builds against Debian's copies of the hosts' Go YAML libraries.
dpkg -s golang-gopkg-yaml.v2-dev >/dev/null 2>&1 || need_apt+=(golang-gopkg-yaml.v2-dev)
dpkg -s golang-gopkg-yaml.v3-dev >/dev/null 2>&1 || need_apt+=(golang-gopkg-yaml.v3-dev)
# The TOML oracle (test/oracle/tomldecode) builds offline against Debian's Rust toml crate.
command -v cargo >/dev/null 2>&1 || need_apt+=(cargo)
dpkg -s librust-toml-dev >/dev/null 2>&1 || need_apt+=(librust-toml-dev)
command -v unzip >/dev/null 2>&1 || need_apt+=(unzip)
command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "e2e setup: need root to apt-get install ${need_apt[*]}" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ ! -x "$DIR/node_modules/.bin/code-server" ]; then
  # @vscode/ripgrep would download rg from GitHub in its postinstall unless its cache has it.
  cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$cache"
  tar czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  rm -rf "$DIR.partial"
  mkdir -p "$DIR.partial"
  npm_config_yes=true npm install --unsafe-perm --no-audit --no-fund --loglevel=error --prefix "$DIR.partial" "code-server@$CODE_SERVER_VERSION"
  rm -rf "$DIR"
  mv "$DIR.partial" "$DIR"
fi
"$DIR/node_modules/.bin/code-server" --version | head -1
chromium --version
nvim --version | head -1
