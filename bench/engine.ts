import { Agent, request } from 'node:http';

import { runUMeeting } from '../test/helpers/engine';
import { startSimulatorProcess, type SimulatorStats } from './simulatorProcess';

/**
 * Our node inside n8n-core's engine against the physical limit: a raw keep-alive HTTP loop posting
 * the same form bodies to the same simulator (in its own process), sequential and 10 in parallel.
 */
export interface EngineRow {
	latencyMs: number;
	client: string;
	items: number;
	msPerItem: number;
	itemsPerSecond: number;
	peakInFlight: number;
	connections: number;
}

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

async function nodeRun(credentials: Record<string, string>, items: number, maxParallel: number) {
	const { output, error } = await runUMeeting({
		credentials,
		items: Array.from({ length: items }, (_, n) => ({ n })),
		parameters: {
			resource: 'meeting',
			operation: 'schedule',
			topic: '=Training {{ $json.n }}',
			meetingCapacity: 20,
			startTime: '2026-12-01T10:00:00',
			duration: 60,
			options: { maxParallel },
		},
	});
	if (error || output?.length !== items) throw new Error(`node run failed: ${error?.message}`);
}

export async function benchEngine(items: number, latencies: number[]): Promise<EngineRow[]> {
	process.env.N8N_USER_FOLDER ??= `${process.cwd()}/.cache/bench-n8n`;
	const rows: EngineRow[] = [];
	for (const latencyMs of latencies) {
		const simulator = await startSimulatorProcess(['--latency', String(latencyMs), '--control']);
		const { apiKey, apiSecret } = simulator.credentials;
		const cases: Array<[string, () => Promise<void>]> = [
			['raw keep-alive loop, sequential', () => rawLoop(simulator.url, items, 1, apiKey, apiSecret)],
			['raw keep-alive loop, 10 parallel', () => rawLoop(simulator.url, items, 10, apiKey, apiSecret)],
			['UMeeting node (n8n engine), Max Parallel 1', () => nodeRun(simulator.credentials, items, 1)],
			['UMeeting node (n8n engine), Max Parallel 10', () => nodeRun(simulator.credentials, items, 10)],
		];
		try {
			await nodeRun(simulator.credentials, 20, 5); // warm-up: module loading and JIT
			for (const [client, run] of cases) {
				await simulator.reset();
				const started = process.hrtime.bigint();
				await run();
				const ms = Number(process.hrtime.bigint() - started) / 1e6;
				const stats: SimulatorStats = await simulator.stats();
				if (stats.created !== items)
					throw new Error(`${client}: ${stats.created} meetings for ${items} items`);
				rows.push({
					latencyMs,
					client,
					items,
					msPerItem: ms / items,
					itemsPerSecond: (items * 1000) / ms,
					peakInFlight: stats.peakInFlight,
					connections: stats.connections,
				});
				console.log(`  ${latencyMs} ms latency, ${client}: ${(ms / items).toFixed(2)} ms/item`);
			}
		} finally {
			simulator.stop();
		}
	}
	return rows;
}
