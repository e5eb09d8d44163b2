#!/usr/bin/env bash
# The GitHub Action's step (action.yml), also usable as is in any CI or shell:
#   INPUT_PATHS="deploy plugins" INPUT_FAIL_ON=warning scripts/ci/check.sh
# Runs `plugin-workbench check` on the paths, writes SARIF for code scanning (INPUT_SARIF_FILE),
# prints the report in INPUT_FORMAT and exits 1 when problems at or above INPUT_FAIL_ON were found,
# 2 on a usage error or an unreadable path. Which CLI runs, first match wins:
#   PLUGIN_WORKBENCH_CLI  an executable or a .js file (e.g. dist/cli.js of a clone)
#   <this repository>/dist/cli.js, when built
#   npx plugin-workbench@<INPUT_VERSION, default: this repository's package.json version>
#   (INPUT_VERSION may also be a tarball path or any other npm package spec with a `/` in it)
set -euo pipefail

paths_input="${INPUT_PATHS:-.}"
format="${INPUT_FORMAT:-text}"
fail_on="${INPUT_FAIL_ON:-error}"
sarif_file="${INPUT_SARIF_FILE-plugin-workbench.sarif}"
root="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"

fail() { echo "plugin-workbench action: $*" >&2; exit 2; }
case "$fail_on" in error | warning | none) ;; *) fail "fail-on must be error, warning or none (got \"$fail_on\")" ;; esac
case "$format" in text | json | sarif | codequality) ;; *) fail "format must be text, json, sarif or codequality (got \"$format\")" ;; esac
command -v node >/dev/null 2>&1 || fail "needs Node.js 20 or later on PATH (actions/setup-node)"

# Paths are separated by spaces or newlines; no glob expansion (folders are walked by the CLI).
set -f
read -r -d '' -a paths <<<"$paths_input" || true
set +f
[ ${#paths[@]} -gt 0 ] || fail "no paths to check"

if [ -n "${PLUGIN_WORKBENCH_CLI:-}" ]; then
  case "$PLUGIN_WORKBENCH_CLI" in *.js) cli=(node "$PLUGIN_WORKBENCH_CLI") ;; *) cli=("$PLUGIN_WORKBENCH_CLI") ;; esac
elif [ -f "$root/dist/cli.js" ]; then
  cli=(node "$root/dist/cli.js")
else
  version="${INPUT_VERSION:-}"
  [ -n "$version" ] || version="$(node -p "require(process.argv[1]).version" "$root/package.json")"
  case "$version" in */*) spec="$version" ;; *) spec="plugin-workbench@$version" ;; esac
  cli=(npx --yes --package "$spec" plugin-workbench)
fi

# One SARIF run decides the outcome; it also feeds upload-sarif.
report="$sarif_file"
if [ -n "$report" ]; then mkdir -p "$(dirname "$report")"; else report="$(mktemp)"; fi
status=0
"${cli[@]}" check --format sarif -- "${paths[@]}" >"$report" || status=$?
if [ "$status" -ge 2 ]; then
  [ -n "$sarif_file" ] || rm -f "$report"
  fail "plugin-workbench check failed (exit $status); see the message above"
fi
read -r errors warnings notes < <(node -e '
  const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const n = (level) => log.runs.flatMap((r) => r.results).filter((r) => r.level === level).length;
  console.log(n("error"), n("warning"), n("note"));' "$report")

# The report in the requested format for the log (SARIF: the file just written).
if [ "$format" = sarif ]; then cat "$report"; else "${cli[@]}" check --format "$format" -- "${paths[@]}" || true; fi
[ -n "$sarif_file" ] || rm -f "$report"

summary="plugin-workbench: $errors error(s), $warnings warning(s), $notes note(s) in ${paths[*]}"
echo "$summary" >&2
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "sarif-file=$sarif_file"; echo "errors=$errors"; echo "warnings=$warnings"; } >>"$GITHUB_OUTPUT"
fi
[ -z "${GITHUB_STEP_SUMMARY:-}" ] || echo "$summary" >>"$GITHUB_STEP_SUMMARY"

case "$fail_on" in
  error) [ "$errors" -eq 0 ] || exit 1 ;;
  warning) [ $((errors + warnings)) -eq 0 ] || exit 1 ;;
esac
exit 0
