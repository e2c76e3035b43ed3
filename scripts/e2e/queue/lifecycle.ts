/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
/**
 * Everything the queue suite starts registers how to end it at once. The suite stops things in
 * order when it finishes; these last-resort kills run if it is interrupted (Ctrl-C, SIGTERM) or
 * exits without having stopped something, so no Redis, PostgreSQL or n8n process outlives it.
 */
const kills = new Map<string, () => void>();

export function onAbort(name: string, kill: () => void) {
	kills.set(name, kill);
}

export function released(name: string) {
	kills.delete(name);
}

function killAll() {
	for (const [name, kill] of [...kills].reverse()) {
		try {
			kill();
		} catch (error) {
			console.error(`could not end ${name}: ${(error as Error).message}`);
		}
	}
	kills.clear();
}

process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.on(signal, () => {
		console.error(`\n${signal}: ending everything the queue suite started`);
		killAll();
		process.exit(130);
	});
}
