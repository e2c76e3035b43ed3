/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { DEMO_KEY, DEMO_SECRET, UMeetingSimulator } from './server';

/** `npm run simulator [-- --port 8787 --auth-failure-http 401 --latency 50 --control]` */
async function main() {
	const args = process.argv.slice(2);
	const option = (name: string) => {
		const at = args.indexOf(`--${name}`);
		return at >= 0 ? Number(args[at + 1]) : undefined;
	};
	const simulator = new UMeetingSimulator({
		authFailureHttpStatus: option('auth-failure-http'),
		latencyMs: option('latency'),
		controlRoutes: args.includes('--control'),
	});
	const url = await simulator.start(option('port') ?? 0);
	console.log(`UMeeting simulator listening on ${url}`);
	console.log(`Credential: Base URL ${url}, API Key ${DEMO_KEY}, API Secret ${DEMO_SECRET}`);
	const stop = () => void simulator.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
