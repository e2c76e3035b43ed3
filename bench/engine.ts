/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { Agent, request } from 'node:http';

import { runNode } from './engineRun';
import { startSimulatorProcess, type SimulatorStats } from './simulatorProcess';

/**
 * Three clients making the same share/schedule calls to the same simulator (in its own process):
 * a raw keep-alive HTTP loop (the physical limit), the bare-helper node (the floor for any n8n node:
 * n8n's request helper opens a connection and runs axios per request) and UMeeting, both nodes
 * inside n8n-core's engine. UMeeting / bare is our own cost; bare / raw is n8n's.
 */
export interface EngineRow {
	latencyMs: number;
	client: string;
	items: number;
	/** Median over the rounds. */
	msPerItem: number;
	rounds: number;
	itemsPerSecond: number;
	peakInFlight: number;
	connections: number;
}

export const CLIENTS = {
	rawSequential: 'raw keep-alive loop, sequential',
	rawParallel: 'raw keep-alive loop, 10 parallel',
	bareP1: 'bare-helper node, Max Parallel 1',
	bareP10: 'bare-helper node, Max Parallel 10',
	umP1: 'UMeeting node, Max Parallel 1',
	umP10: 'UMeeting node, Max Parallel 10',
	umP10ReturnIt: 'UMeeting node, If the Same Meeting Exists: Return It, Max Parallel 10',
} as const;

const form = (n: number, key: string, secret: string) =>
	new URLSearchParams({
		topic: `Training ${n}`,
		meeting_capacity: '20',
		start_time: '2026-12-01 10:00:00',
		duration: '60',
		api_key: key,
		api_secret: secret,
	}).toString();

async function rawLoop(url: string, items: number, parallel: number, key: string, secret: string) {
	const agent = new Agent({ keepAlive: true, maxSockets: parallel });
	const post = (body: string) =>
		new Promise<void>((resolve, reject) => {
			const req = request(
				`${url}/umeeting/share/schedule`,
				{
					method: 'POST',
					agent,
					headers: {
						'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8',
						'Content-Length': Buffer.byteLength(body),
					},
				},
				(res) => {
					let text = '';
					res.on('data', (chunk) => (text += chunk));
					res.on('end', () => (JSON.parse(text).status === 200 ? resolve() : reject(new Error(text))));
				},
			);
			req.on('error', reject);
			req.end(body);
		});
	let next = 0;
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			while (next < items) await post(form(next++, key, secret));
		}),
	);
	agent.destroy();
}

const TOPIC = '=Training {{ $json.n }}';

/**
 * UMeeting converts the zoneless start from the node's zone; the bare node sends the text as is.
 * Book Another is the node's default; Return It adds one listing of the live meetings per run.
 */
const uMeeting = (
	credentials: Record<string, string>,
	items: number,
	maxParallel: number,
	ifExists: 'bookAnother' | 'returnIt' = 'bookAnother',
) =>
	runNode(
		'uMeeting',
		{
			resource: 'meeting',
			operation: 'schedule',
			topic: TOPIC,
			meetingCapacity: 20,
			startTime: '2026-12-01T10:00:00',
			duration: 60,
			ifExists,
			options: { maxParallel },
		},
		items,
		credentials,
	);

const bare = (credentials: Record<string, string>, items: number, maxParallel: number) =>
	runNode(
		'bareSchedule',
		{ topic: TOPIC, meetingCapacity: 20, startTime: '2026-12-01 10:00:00', duration: 60, maxParallel },
		items,
		credentials,
	);

/** A client, how it runs once on `items` items, and in how many rounds it runs. */
interface Case {
	client: string;
	run: (items: number) => Promise<void>;
	rounds: number;
	items: number;
}

const SEQUENTIAL_ITEMS_WITH_LATENCY = 200;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Every client at every latency, in rounds: each round runs each client once, so that a slow
 * moment of the shared machine hits all clients alike, and the median round is reported. With
 * latency the sequential clients run once on fewer items: the latency is nearly all of their time
 * per item, and a full run would take a minute each.
 */
export async function benchEngine(items: number, latencies: number[], rounds: number): Promise<EngineRow[]> {
	process.env.N8N_USER_FOLDER ??= `${process.cwd()}/.cache/bench-n8n`;
	const rows: EngineRow[] = [];
	for (const latencyMs of latencies) {
		const simulator = await startSimulatorProcess(['--latency', String(latencyMs), '--control']);
		const { apiKey, apiSecret } = simulator.credentials;
		const { credentials, url } = simulator;
		const slow = latencyMs > 0;
		const sequential = {
			rounds: slow ? 1 : rounds,
			items: slow ? Math.min(items, SEQUENTIAL_ITEMS_WITH_LATENCY) : items,
		};
		const parallel = { rounds, items };
		const cases: Case[] = [
			{ client: CLIENTS.rawSequential, ...sequential, run: (n) => rawLoop(url, n, 1, apiKey, apiSecret) },
			{ client: CLIENTS.rawParallel, ...parallel, run: (n) => rawLoop(url, n, 10, apiKey, apiSecret) },
			...(slow
				? []
				: [{ client: CLIENTS.bareP1, ...sequential, run: (n: number) => bare(credentials, n, 1) }]),
			{ client: CLIENTS.bareP10, ...parallel, run: (n) => bare(credentials, n, 10) },
			{ client: CLIENTS.umP1, ...sequential, run: (n) => uMeeting(credentials, n, 1) },
			{ client: CLIENTS.umP10, ...parallel, run: (n) => uMeeting(credentials, n, 10) },
			{
				client: CLIENTS.umP10ReturnIt,
				...parallel,
				run: (n) => uMeeting(credentials, n, 10, 'returnIt'),
			},
		];
		const times = new Map<string, number[]>();
		const stats = new Map<string, SimulatorStats>();
		try {
			// Warm-up: module loading and JIT of both nodes.
			await uMeeting(credentials, 50, 5);
			await bare(credentials, 50, 5);
			for (let round = 0; round < rounds; round++) {
				// Each round starts one client later. Every n8n request leaves a connection in TIME_WAIT,
				// and thousands of them make the next connects slower: no client should always run last.
				const order = cases.map((_, index) => cases[(index + round) % cases.length]);
				for (const { client, run, rounds: runs, items: count } of order) {
					if (round >= runs) continue;
					await simulator.reset();
					const started = process.hrtime.bigint();
					await run(count);
					const ms = Number(process.hrtime.bigint() - started) / 1e6;
					const counted = await simulator.stats();
					if (counted.created !== count)
						throw new Error(`${client}: ${counted.created} meetings for ${count} items`);
					times.set(client, [...(times.get(client) ?? []), ms / count]);
					const seen = stats.get(client);
					if (!seen || counted.peakInFlight > seen.peakInFlight) stats.set(client, counted);
				}
			}
		} finally {
			simulator.stop();
		}
		for (const { client, items: count } of cases) {
			const msPerItem = median(times.get(client)!);
			const { peakInFlight, connections } = stats.get(client)!;
			const runs = times.get(client)!.length;
			rows.push({
				latencyMs,
				client,
				items: count,
				msPerItem,
				rounds: runs,
				itemsPerSecond: 1000 / msPerItem,
				peakInFlight,
				connections,
			});
			console.log(
				`  ${latencyMs} ms latency, ${client}: ${msPerItem.toFixed(3)} ms/item (${count} items, median of ${runs})`,
			);
		}
	}
	return rows;
}

/** `npx ts-node bench/engine.ts [items] [latencies] [rounds]`: the engine part alone, e.g. under --cpu-prof. */
if (require.main === module) {
	const [items = '1000', latencies = '0', rounds = '3'] = process.argv.slice(2);
	benchEngine(Number(items), latencies.split(',').map(Number), Number(rounds)).then(
		() => process.exit(0),
		(error: Error) => {
			console.error(error.stack);
			process.exit(1);
		},
	);
}
