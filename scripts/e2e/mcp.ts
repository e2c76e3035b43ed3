/* eslint-disable no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
// eslint-disable-next-line import-x/no-unresolved -- the SDK's exports map resolves it (npm run typecheck); import-x's resolver does not read that map
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
// eslint-disable-next-line import-x/no-unresolved -- the SDK's exports map resolves it (npm run typecheck); import-x's resolver does not read that map
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { DateTime } from 'luxon';

import { UMeetingSimulator } from '../../test/simulator';
import { Checks } from './checks';
import { importSetup, readExample, runPartAlone } from './harness';
import { freePort, N8nHome } from './n8nCli';
import { N8nServer, sleep } from './trigger';

/**
 * The example `mcp-server-meeting-tools.json` in a running n8n: n8n's MCP Server Trigger (n8n
 * 1.88 and later; both versions the suite runs have it) exposes the UMeeting tools, the workflow
 * is activated from the CLI and `n8n start` serves it; an MCP client (the official SDK, Streamable
 * HTTP transport) on loopback lists the tools and calls Schedule twice with the same arguments,
 * and the simulator holds one meeting. A client without the bearer token is refused.
 */

const MCP_EXAMPLE = 'mcp-server-meeting-tools.json';
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a fixed fake value for a test or dev run, not a real secret
const BEARER_TOKEN = 'mcp-e2e-bearer-token-2026';

export interface McpE2eOptions {
	label: string;
	home: N8nHome;
	simulator: UMeetingSimulator;
	checks: Checks;
	log?: (line: string) => void;
}

async function connect(url: string, token?: string): Promise<Client> {
	const client = new Client({ name: 'umeeting-e2e', version: '1.0.0' });
	const transport = new StreamableHTTPClientTransport(new URL(url), {
		requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : undefined,
	});
	await client.connect(transport);
	return client;
}

/** n8n registers the production webhooks of active workflows a moment after it listens. */
async function connectWhenUp(url: string, n8n: N8nServer): Promise<Client> {
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (n8n.exited) throw new Error(`n8n exited:\n${n8n.output.slice(-3000)}`);
		try {
			return await connect(url, BEARER_TOKEN);
		} catch (error) {
			if (Date.now() > deadline)
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- a dev script, not a node: the error goes to the person running it
				throw new Error(`no MCP server at ${url}: ${(error as Error).message}\n${n8n.output.slice(-3000)}`);
			await sleep(1000);
		}
	}
}

function textOf(result: unknown): string {
	const content = (result as { content?: Array<{ type: string; text?: string }> }).content ?? [];
	return content.map((part) => part.text ?? '').join('');
}

export async function runMcpE2e(options: McpE2eOptions) {
	const { label, home, simulator, checks } = options;
	const log = options.log ?? ((line: string) => console.log(`  ${line}`));
	checks.within(`${label} MCP Server Trigger`);
	simulator.reset();
	const example = readExample(MCP_EXAMPLE);
	const [trigger] = example.nodes;
	const credential = (trigger.credentials as Record<string, { id: string; name: string }>).httpBearerAuth;
	await importSetup(home, simulator, [MCP_EXAMPLE], {
		credentials: [{ ...credential, type: 'httpBearerAuth', data: { token: BEARER_TOKEN } }],
	});
	const activated = await home.n8n(
		label === 'v1'
			? ['update:workflow', `--id=${example.id}`, '--active=true']
			: ['publish:workflow', `--id=${example.id}`],
	);
	checks.equal(activated.code, 0, 'the MCP workflow is activated from the CLI');

	const n8n = new N8nServer(home, await freePort(), await freePort());
	const url = `${n8n.url}/mcp/${String(trigger.parameters.path)}`;
	let client: Client | undefined;
	n8n.start();
	try {
		client = await connectWhenUp(url, n8n);
		const refused = await connect(url).then(
			(anonymous) => anonymous.close().then(() => false),
			() => true,
		);
		checks.that(refused, 'a client without the bearer token is refused');

		const { tools } = await client.listTools();
		checks.equal(
			tools.map((tool) => tool.name).sort(),
			['Check_Availability', 'Get_Meeting', 'Schedule_Meeting'],
			'the client lists the three UMeeting tools',
		);
		const schedule = tools.find((tool) => tool.name === 'Schedule_Meeting');
		const properties = (schedule?.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
		checks.equal(
			Object.keys(properties).sort(),
			['duration_minutes', 'start_time', 'topic'],
			'Schedule_Meeting takes its $fromAI arguments',
		);
		checks.that(
			Object.values(properties).every((property) => (property.description ?? '').length >= 20),
			'every argument is described',
			properties,
		);

		const start = DateTime.now().setZone('America/New_York').plus({ days: 4 }).set({ hour: 11, minute: 0 });
		const args = {
			topic: 'MCP planning',
			start_time: start.toFormat('yyyy-MM-dd HH:mm'),
			duration_minutes: 40,
		};
		const first = textOf(await client.callTool({ name: 'Schedule_Meeting', arguments: args }));
		const again = textOf(await client.callTool({ name: 'Schedule_Meeting', arguments: args }));
		log(`Schedule_Meeting over MCP answered: ${first.slice(0, 300)}`);
		const booked = simulator.store.all().filter((meeting) => meeting.topic === 'MCP planning');
		checks.equal(booked.length, 1, 'one meeting in the simulator after two identical calls');
		checks.that(
			booked.length === 1 && first.includes(booked[0].id) && first.includes(booked[0].join_url),
			'the answer holds the meeting number and join URL',
			first,
		);
		checks.that(/"existing"\s*:\s*true/.test(again), 'the repeated call answers the existing meeting', again);
		const answers = `${first}${again}`;
		checks.that(
			booked.every((meeting) => !answers.includes(meeting.start_url) && !answers.includes(meeting.token)) &&
				!answers.includes('zak=') &&
				!answers.includes(simulator.apiSecret),
			'no host secret or API secret in the answers',
		);
	} finally {
		await client?.close().catch(() => undefined);
		await n8n.stop();
		home.writeFile(`mcp-n8n-${label}.log`, n8n.output);
	}
}

/** `ts-node scripts/e2e/mcp.ts [v1|v2 …]`: this part of the suite alone. */
if (require.main === module)
	runPartAlone('mcp', async (label, home, checks) => {
		const simulator = new UMeetingSimulator();
		await simulator.start();
		try {
			await runMcpE2e({ label, home, simulator, checks });
		} finally {
			await simulator.stop();
		}
	});
