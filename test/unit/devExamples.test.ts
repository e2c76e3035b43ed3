/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { EXAMPLE_FILES } from '../../scripts/dev/environment';
import { readExample, root, SIMULATOR_CREDENTIAL } from '../../scripts/e2e/harness';

/** `npm run dev` imports every example workflow; these checks keep it so when examples are added. */
const examples = readdirSync(join(root, 'examples')).filter((file) => file.endsWith('.json'));

test('dev imports exactly the workflows in examples/', () => {
	expect([...EXAMPLE_FILES].sort()).toEqual([...examples].sort());
});

test('every example has a workflow id of its own (one import file holds them all)', () => {
	const ids = examples.map((file) => readExample(file).id);
	expect(new Set(ids).size).toBe(ids.length);
});

test('every UMeeting node of an example uses the credential dev points at the simulator', () => {
	for (const file of examples)
		for (const node of readExample(file).nodes) {
			const credential = (node.credentials as Record<string, unknown> | undefined)?.uMeetingApi;
			if (credential) expect({ file, credential }).toEqual({ file, credential: SIMULATOR_CREDENTIAL });
		}
});
