#!/usr/bin/env bash
# Runs the official MCP conformance suite against the built `bek serve --http` on loopback.
#
# The suite needs Node 22; the server runs on the Node that runs npm (the product's Node >= 20).
# Node 22 comes from the npm registry (scripts/node.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

SUITE=node_modules/@modelcontextprotocol/conformance/dist/index.js
NODE="${npm_node_execpath:-$(command -v node)}"
SCENARIOS=(server-initialize ping logging-set-level completion-complete tools-list resources-list prompts-list dns-rebinding-protection)

NODE22=$(bash scripts/node.sh 22.23.3)
[[ -f "$SUITE" ]] || { echo "conformance: $SUITE is missing; run npm ci" >&2; exit 1; }

"$NODE" node_modules/tsx/dist/cli.mjs scripts/build.ts
WORK=$(mktemp -d)
LOG="$WORK/server.log"
# Port 0 and the logged URL instead of probing for a free port: no window for another process to take it.
BEK_LOG_LEVEL=info "$NODE" dist/cli.js serve --http --host 127.0.0.1 --port 0 2>"$LOG" &
SERVER=$!
stop_server() { kill "$SERVER" 2>/dev/null || true; }
trap 'stop_server; rm -rf "$WORK"' EXIT

URL=""
for _ in $(seq 1 100); do
  URL=$(grep -o '"msg":"listening","url":"[^"]*"' "$LOG" | sed 's/.*"url":"\([^"]*\)"/\1/' || true)
  [[ -n "$URL" ]] && break
  kill -0 "$SERVER" 2>/dev/null || { echo "conformance: the server exited:" >&2; cat "$LOG" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$URL" ]] || { echo "conformance: the server did not start within 10 s" >&2; cat "$LOG" >&2; exit 1; }
echo "conformance: suite $("$NODE22" "$SUITE" --version) on Node $("$NODE22" --version), server on Node $("$NODE" --version) at $URL"

failed=0
for scenario in "${SCENARIOS[@]}"; do
  out="$WORK/$scenario.txt"
  if "$NODE22" "$SUITE" server --url "$URL" --scenario "$scenario" >"$out" 2>&1; then status=0; else status=$?; fi
  summary=$(sed 's/\x1b\[[0-9;]*m//g' "$out" | grep -m1 '^Passed:' || echo 'no result line')
  if [[ $status -eq 0 ]]; then
    echo "PASS  $scenario: $summary"
  else
    echo "FAIL  $scenario: $summary"
    sed 's/\x1b\[[0-9;]*m//g' "$out" | sed -n '/Failed Checks/,/^$/p;/Error/p' | head -20
    failed=$((failed + 1))
  fi
done

kill -TERM "$SERVER"
if wait "$SERVER"; then code=0; else code=$?; fi
trap 'rm -rf "$WORK"' EXIT
[[ $code -eq 0 ]] || { echo "conformance: the server exited with $code on SIGTERM" >&2; failed=$((failed + 1)); }
echo "conformance: ${#SCENARIOS[@]} scenarios, $failed failed"
[[ $failed -eq 0 ]]
