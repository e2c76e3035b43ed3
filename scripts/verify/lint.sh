#!/usr/bin/env bash
# `npm run lint` (n8n-node lint, n8n's default community-node config) with no warnings either:
# n8n-node lint exits non-zero on errors only, and has no option for warnings.
set -euo pipefail
cd "$(dirname "$0")/../.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
npm run lint 2>&1 | tee "$log"
if grep -Eq '[0-9]+ problems? \(' "$log"; then
	echo "lint: n8n-node lint reported warnings; none are allowed" >&2
	exit 1
fi
echo "lint: 0 errors, 0 warnings"
