/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { DEV_MCP_TOKEN, DEV_OWNER, startDevEnvironment } from './dev/environment';

/** `npm run dev`: the node in the real n8n editor, ready to try; Ctrl-C stops everything. */
async function main() {
	const environment = await startDevEnvironment();
	console.log(`
n8n editor ready: ${environment.editorUrl}
  sign in with ${DEV_OWNER.email} / ${DEV_OWNER.password} (dev-only account)
  credential "UMeeting (simulator)" points at ${environment.simulator.url}
  open a workflow starting with "UMeeting:" and press "Execute workflow"
  the MCP server example, once active, takes MCP clients with the bearer token ${DEV_MCP_TOKEN}
Ctrl-C stops n8n and the simulator.`);
	const shutdown = () => {
		console.log('\nStopping…');
		void environment.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
