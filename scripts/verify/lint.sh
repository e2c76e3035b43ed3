#!/usr/bin/env bash
# `npm run lint` (n8n-node lint, n8n's default community-node config) with no warnings either:
# n8n-node lint exits non-zero on errors only, and has no option for warnings. And strict mode
# stays on: n8n-node lint checks the config only while `n8n.strict` is set, so CI asks n8n-node
# itself whether the package is still in the state it calls eligible for n8n Cloud verification.
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
# Plain text: with CI set, n8n-node colours its output, which would split the words matched below.
status=$(NO_COLOR=1 npx --no-install n8n-node cloud-support </dev/null 2>&1 | sed 's/\x1b\[[0-9;]*m//g')
if ! grep -q 'Status: eligible for n8n Cloud verification' <<<"$status"; then
	echo "$status" >&2
	echo "lint: strict mode is off or eslint.config.mjs differs from n8n's template (npx n8n-node cloud-support)" >&2
	exit 1
fi
echo "lint: strict mode on, eslint.config.mjs is n8n's template (n8n-node cloud-support: eligible)"
