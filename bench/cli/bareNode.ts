/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { cache, must, root } from '../../scripts/e2e/harness';

/**
 * Compiles the bench-only bare-helper node into a folder of its own for N8N_CUSTOM_EXTENSIONS
 * (n8n then knows it as CUSTOM.bareSchedule); it is never part of the package. Returns the folder.
 */
export async function compileBareNode(): Promise<string> {
	const folder = join(cache, 'bench-bare');
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	await must(join(root, 'node_modules/.bin/tsc'), [
		join(root, 'bench/bare/BareSchedule.node.ts'),
		'--outDir',
		folder,
		'--module',
		'commonjs',
		'--target',
		'es2021',
		'--skipLibCheck',
	]);
	return folder;
}
