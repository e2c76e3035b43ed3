import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

import type { Measurement, Ratio } from './cli/report';
import { markdownTable } from './cli/report';
import { benchEngine, type EngineRow } from './engine';
import { benchModuleLoad } from './moduleLoad';

/**
 * `npm run bench`: every measurement of the performance work in one run, written to
 * bench/RESULTS.md: module load time, the node in n8n's engine against a raw keep-alive loop, and
 * the node against n8n's HTTP Request node in the real n8n CLI (speed and memory). Ratios are taken
 * within this one run: absolute times on these shared machines vary from run to run.
 */
const ITEMS = 1000;
const LATENCIES = [0, 50];
const MEMORY_ITEMS = 10_000;
const root = join(__dirname, '..');

interface CliRun {
	date: string;
	n8nVersion: string;
	nodeVersion: string;
	runtimeSeconds: number;
	measurements: Measurement[];
	ratios: Ratio[];
}

const f = (n: number, digits = 2) => n.toFixed(digits);

async function main() {
	const started = Date.now();
	console.log('> build');
	execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
	console.log('> module load (cold processes)');
	const load = benchModuleLoad(9);
	console.log("> the node in n8n-core's engine vs a raw keep-alive loop");
	const engine = await benchEngine(ITEMS, LATENCIES);
	console.log('> the node vs the HTTP Request node in the real n8n CLI');
	const cli = spawnSync(
		process.execPath,
		[
			'-r',
			'ts-node/register',
			'bench/cli/run.ts',
			'--items',
			String(ITEMS),
			'--latency',
			LATENCIES.join(','),
			'--memory-items',
			String(MEMORY_ITEMS),
		],
		{ cwd: root, stdio: 'inherit' },
	);
	if (cli.status !== 0) throw new Error('the n8n CLI benchmark failed');
	const cliRun = JSON.parse(readFileSync(join(root, 'bench/cli/last-run.json'), 'utf8')) as CliRun;

	const report = render(load, engine, cliRun, (Date.now() - started) / 1000);
	writeFileSync(join(root, 'bench/RESULTS.md'), report);
	console.log(`\n${report}\nWritten to bench/RESULTS.md`);
}

function engineRow(rows: EngineRow[], latencyMs: number, client: string) {
	return rows.find((r) => r.latencyMs === latencyMs && r.client.startsWith(client))!;
}

function cliRow(run: CliRun, section: 'speed' | 'memory', latencyMs: number, key: string) {
	return run.measurements.find((m) => m.section === section && m.latencyMs === latencyMs && m.key === key)!;
}

function render(
	load: ReturnType<typeof benchModuleLoad>,
	engine: EngineRow[],
	cli: CliRun,
	seconds: number,
): string {
	const lines: string[] = [];
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	lines.push('# Benchmark results', '');
	lines.push(
		`Measured ${new Date().toISOString()} on ${cpu}, ${os.cpus().length} cores, ${f(os.totalmem() / 2 ** 30, 1)} GB, Linux ${os.release()};`,
		`Node ${process.version} (engine runs), n8n ${cli.n8nVersion} on Node ${cli.nodeVersion} (CLI runs). Whole run: ${f(seconds / 60, 1)} min.`,
		'Reproduce: `npm ci && npm run bench` (the first run prepares n8n 1.x in `.cache/`). The simulator answers on',
		'loopback after the stated latency; every run is checked to give one meeting per item.',
		'',
	);

	lines.push("## The node in n8n-core's engine vs a raw keep-alive HTTP loop", '');
	lines.push(
		`${ITEMS} items; the simulator in its own process. Raw loop: Node's http with a keep-alive agent posting the same form bodies.`,
		'',
	);
	lines.push(
		'| latency | client | ms/item | items/s | peak in flight | connections |',
		'|---|---|---|---|---|---|',
	);
	for (const r of engine) {
		lines.push(
			`| ${r.latencyMs} ms | ${r.client} | ${f(r.msPerItem)} | ${f(r.itemsPerSecond, 0)} | ${r.peakInFlight} | ${r.connections} |`,
		);
	}
	lines.push(
		'',
		'| latency | node Max Parallel 1 / raw sequential | node Max Parallel 10 / raw 10 parallel |',
		'|---|---|---|',
	);
	for (const latency of LATENCIES) {
		const seq =
			engineRow(engine, latency, 'UMeeting node (n8n engine), Max Parallel 1').msPerItem /
			engineRow(engine, latency, 'raw keep-alive loop, sequential').msPerItem;
		const par =
			engineRow(engine, latency, 'UMeeting node (n8n engine), Max Parallel 10').msPerItem /
			engineRow(engine, latency, 'raw keep-alive loop, 10 parallel').msPerItem;
		lines.push(`| ${latency} ms | ${f(seq)} | ${f(par)} |`);
	}

	lines.push('', `## UMeeting vs n8n's HTTP Request node in the real n8n CLI`, '');
	lines.push(
		'`n8n execute` of a workflow that makes the items (Edit Fields + Split Out) and then calls share/schedule once per item.',
		'Per item = (workflow time − the same workflow without the call) / items. The HTTP Request node sends the same',
		'form body with the key and secret in it.',
		'',
	);
	lines.push(markdownTable(cli.measurements), '');
	lines.push('| ratio (UMeeting / HTTP Request) | value |', '|---|---|');
	for (const ratio of cli.ratios)
		lines.push(`| ${ratio.what} | ${ratio.ratio === null ? 'n/a' : f(ratio.ratio)} |`);

	lines.push('', '## Module load', '');
	lines.push(
		`Cold Node process, median of ${load.runs}: \`require('n8n-workflow')\` ${f(load.n8nWorkflowMs, 0)} ms;`,
		`the built node and credential on top of it: **${f(load.oursOverN8nWorkflowMs, 1)} ms**.`,
	);

	const http0 = cliRow(cli, 'speed', 0, 'http').perItemMs!;
	const um0 = Math.min(cliRow(cli, 'speed', 0, 'um1').perItemMs!, cliRow(cli, 'speed', 0, 'um10').perItemMs!);
	const seq50 =
		engineRow(engine, 50, 'UMeeting node (n8n engine), Max Parallel 1').msPerItem /
		engineRow(engine, 50, 'raw keep-alive loop, sequential').msPerItem;
	const par50Row = engineRow(engine, 50, 'UMeeting node (n8n engine), Max Parallel 10');
	const par50 = par50Row.msPerItem / engineRow(engine, 50, 'raw keep-alive loop, 10 parallel').msPerItem;
	const rssUm = cliRow(cli, 'memory', 0, 'umdef').peakRssMb;
	const rssHttp = cliRow(cli, 'memory', 0, 'http').peakRssMb;
	const connections = (cliRow(cli, 'speed', 0, 'um1').connections / ITEMS) * 1000;
	const met = (ok: boolean) => (ok ? 'met' : '**not met**');
	lines.push('', '## Targets', '', '| target | measured | |', '|---|---|---|');
	lines.push(
		`| 0 ms, CLI: at most half the HTTP Request node's time per item | ${f(um0)} vs ${f(http0)} ms (×${f(um0 / http0)}) | ${met(um0 <= http0 / 2)} |`,
	);
	lines.push(
		`| 50 ms: Max Parallel 1 within 10% of the raw sequential loop | ×${f(seq50)} | ${met(seq50 <= 1.1)} |`,
	);
	lines.push(
		`| 50 ms: Max Parallel 10 within 10% of the raw 10-parallel loop | ×${f(par50)} | ${met(par50 <= 1.1)} |`,
	);
	lines.push(
		`| never more than 10 requests in flight at Max Parallel 10 | peak ${par50Row.peakInFlight} | ${met(par50Row.peakInFlight <= 10)} |`,
	);
	lines.push(
		`| ${MEMORY_ITEMS} items: peak RSS at most half the HTTP Request node's | ${f(rssUm, 0)} vs ${f(rssHttp, 0)} MB (×${f(rssUm / rssHttp)}) | ${met(rssUm <= rssHttp / 2)} |`,
	);
	lines.push(
		`| module load at most 30 ms over n8n-workflow | ${f(load.oursOverN8nWorkflowMs, 1)} ms | ${met(load.oursOverN8nWorkflowMs <= 30)} |`,
	);
	lines.push(
		`| connections per 1,000 requests (reuse if n8n allows) | ${f(connections, 0)} | n8n's request helper opens a new connection per request and offers nodes no agent option |`,
	);
	lines.push('');
	return lines.join('\n');
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		console.error(error.message);
		process.exit(1);
	},
);
