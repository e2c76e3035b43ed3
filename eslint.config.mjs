import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

// `npm run lint` is `n8n-node lint` (@n8n/node-cli), which runs `eslint .` with this file: n8n's
// default community-node config as @n8n/node-cli exports it (its Cloud rule set), with no rule
// turned off and none added. The only change is what it reads: the default lints every .ts file in
// the folder, and these folders hold dev-only Node programs that are never packed (the test suite
// and its UMeeting simulator, the demo/dev/e2e/screenshot/verify scripts, the benchmarks). They
// need what a node may not use (process, timers, console, fs, child_process, jest, n8n-core), and
// `npm run typecheck` checks them. What ships (nodes/, credentials/, package.json) is linted in full.
// `.cache/` holds the n8n installs the e2e suite prepares.
export default [
	globalIgnores(['test/', 'scripts/', 'bench/', '.cache/', 'coverage/', '.n8n-test/']),
	...config,
];
