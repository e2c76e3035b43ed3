/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @n8n/community-nodes/no-dangerous-functions -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

import type { Measurement, Ratio } from './cli/report';
import { markdownTable } from './cli/report';
import { benchEngine, CLIENTS, type EngineRow } from './engine';
import { benchModuleLoad, tarballSize } from './moduleLoad';

/**
 * `npm run bench`: every measurement of the performance work in one run, written to
 * bench/RESULTS.md: module load time, the node in n8n's engine against a raw keep-alive loop, and
 * the node against n8n's HTTP Request node in the real n8n CLI (speed and memory). Ratios are taken
 * within this one run: absolute times on these shared machines vary from run to run.
 */
const ITEMS = 1000;
const LATENCIES = [0, 50];
const ROUNDS = 5;
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
	const tarball = tarballSize();
	console.log("> raw loop, bare-helper node and UMeeting in n8n-core's engine");
	const engine = await benchEngine(ITEMS, LATENCIES, ROUNDS);
	console.log('> UMeeting, the bare-helper node and the HTTP Request node in the real n8n CLI');
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

	const report = render(load, tarball, engine, cliRun, (Date.now() - started) / 1000);
	writeFileSync(join(root, 'bench/RESULTS.md'), report);
	console.log(`\n${report}\nWritten to bench/RESULTS.md`);
}

function engineRow(rows: EngineRow[], latencyMs: number, client: string) {
	return rows.find((r) => r.latencyMs === latencyMs && r.client === client);
}

/** The three clients side by side at each latency, sequential and 10 in parallel. */
function engineComparisons(rows: EngineRow[]) {
	return LATENCIES.flatMap((latencyMs) =>
		([1, 10] as const).map((parallel) => ({
			latencyMs,
			parallel,
			um: engineRow(rows, latencyMs, parallel === 1 ? CLIENTS.umP1 : CLIENTS.umP10),
			bare: engineRow(rows, latencyMs, parallel === 1 ? CLIENTS.bareP1 : CLIENTS.bareP10),
			raw: engineRow(rows, latencyMs, parallel === 1 ? CLIENTS.rawSequential : CLIENTS.rawParallel),
		})),
	);
}

function cliRow(run: CliRun, section: 'speed' | 'memory', latencyMs: number, key: string) {
	return run.measurements.find((m) => m.section === section && m.latencyMs === latencyMs && m.key === key)!;
}

function render(
	load: ReturnType<typeof benchModuleLoad>,
	tarball: ReturnType<typeof tarballSize>,
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

	lines.push("## Three clients in n8n-core's engine: raw loop, bare-helper node, UMeeting", '');
	lines.push(
		`The simulator in its own process; each client runs once per round, ${ROUNDS} rounds, the median round is shown`,
		"(at 50 ms the sequential clients run once, on fewer items: the latency is nearly all of their time). Raw loop: Node's http with a keep-alive agent",
		'posting the same form bodies. Bare-helper node (bench/bare, not shipped): per item it reads the same four fields',
		"and sends the same form body through n8n's `httpRequestWithAuthentication`, nothing else: no validation, no",
		"time conversion, no answer check. It is the floor for any node under n8n's rules (new connection and axios per",
		'request, expression resolution per item). It reads its four fields with `getNodeParameter` for every item, as',
		'nodes usually do; UMeeting reads a parameter that holds no expression once per run, which is why it can come in',
		"under this floor. UMeeting / bare is our own cost; bare / raw is n8n's.",
		'',
	);
	lines.push(
		'| latency | client | items | ms/item | items/s | rounds | peak in flight | connections |',
		'|---|---|---|---|---|---|---|---|',
	);
	for (const r of engine) {
		lines.push(
			`| ${r.latencyMs} ms | ${r.client} | ${r.items} | ${f(r.msPerItem, 3)} | ${f(r.itemsPerSecond, 0)} | ${r.rounds} | ${r.peakInFlight} | ${r.connections} |`,
		);
	}
	lines.push(
		'',
		'| latency | Max Parallel | UMeeting / bare | bare / raw | UMeeting / raw |',
		'|---|---|---|---|---|',
	);
	for (const { latencyMs, parallel, um, bare, raw } of engineComparisons(engine)) {
		const ratio = (a?: EngineRow, b?: EngineRow) => (a && b ? f(a.msPerItem / b.msPerItem) : 'not run');
		lines.push(
			`| ${latencyMs} ms | ${parallel} | ${ratio(um, bare)} | ${ratio(bare, raw)} | ${ratio(um, raw)} |`,
		);
	}

	lines.push('', `## UMeeting, the bare-helper node and n8n's HTTP Request node in the real n8n CLI`, '');
	lines.push(
		'`n8n execute` of a workflow that makes the items (Edit Fields + Split Out) and then calls share/schedule once per item.',
		'Per item = (workflow time − the same workflow without the call) / items. The HTTP Request node sends the same',
		'form body with the key and secret in it; the bare-helper node is loaded through N8N_CUSTOM_EXTENSIONS. At 0 ms',
		'each workflow runs twice, in rotated order, and the faster run is kept (another job on the 2 shared cores slows a',
		'run, never speeds it up); at 50 ms and for memory, once. A run still carries about ±0.2 ms/item of startup noise.',
		'',
	);
	lines.push(markdownTable(cli.measurements), '');
	lines.push('| ratio | value |', '|---|---|');
	for (const ratio of cli.ratios)
		lines.push(`| ${ratio.what} | ${ratio.ratio === null ? 'n/a' : f(ratio.ratio)} |`);

	lines.push('', '## Module load', '');
	lines.push(
		`Cold Node process, median of ${load.runs}: \`require('n8n-workflow')\` ${f(load.n8nWorkflowMs, 0)} ms;`,
		`the built node and credential on top of it: **${f(load.oursOverN8nWorkflowMs, 1)} ms**`,
		`(the trigger, which n8n loads too, ${f(load.triggerOnTopMs, 1)} ms more).`,
		`Each is one esbuild bundle (\`npm run build\`). Tarball (\`npm pack --dry-run\`): ${tarball.files} files,`,
		`${f(tarball.packedKb, 1)} kB packed, ${f(tarball.unpackedKb, 1)} kB unpacked.`,
	);

	const ratio = (a: EngineRow | undefined, b: EngineRow | undefined) => a!.msPerItem / b!.msPerItem;
	const [p1at0, p10at0, p1at50, p10at50] = engineComparisons(engine);
	const http0 = cliRow(cli, 'speed', 0, 'http').perItemMs!;
	const um0 = cliRow(cli, 'speed', 0, 'um10').perItemMs!;
	const bare0 = cliRow(cli, 'speed', 0, 'bare10').perItemMs!;
	const rssGrowth = (key: string) =>
		cliRow(cli, 'memory', 0, key).peakRssMb - cliRow(cli, 'memory', 0, 'base').peakRssMb;
	const connections = (cliRow(cli, 'speed', 0, 'um1').connections / ITEMS) * 1000;
	const met = (ok: boolean) => (ok ? 'met' : '**not met**');
	lines.push('', '## Targets', '');
	lines.push(
		'Stated against the floor: what UMeeting adds over the bare-helper node is ours to cut; what the bare node adds over',
		"the raw loop is n8n's (a new connection and axios per request) and no community node can avoid it.",
		'',
		'| target | measured | |',
		'|---|---|---|',
	);
	const engineTarget = (what: string, row: typeof p1at0, limit: number) =>
		`| ${what}: UMeeting / bare at most ${f(limit)} | ${f(row.um!.msPerItem, 3)} vs ${f(row.bare!.msPerItem, 3)} ms (×${f(ratio(row.um, row.bare))}) | ${met(ratio(row.um, row.bare) <= limit)} |`;
	lines.push(engineTarget('engine, 0 ms, Max Parallel 1', p1at0, 1.05));
	lines.push(engineTarget('engine, 0 ms, Max Parallel 10', p10at0, 1.05));
	lines.push(engineTarget('engine, 50 ms, Max Parallel 10', p10at50, 1.03));
	lines.push(
		`| never more than 10 requests in flight at Max Parallel 10 | peak ${p10at50.um!.peakInFlight} | ${met(p10at50.um!.peakInFlight <= 10)} |`,
	);
	// If the Same Meeting Exists: Return It against the default Book Another (one listing per run).
	for (const latencyMs of LATENCIES) {
		const on = engineRow(engine, latencyMs, CLIENTS.umP10ReturnIt)!;
		const off = engineRow(engine, latencyMs, CLIENTS.umP10)!;
		const limit = latencyMs > 0 ? 1.1 : undefined;
		lines.push(
			`| engine, ${latencyMs} ms, Max Parallel 10: Return It / Book Another${limit ? ` at most ${f(limit)}` : ' (no target)'} | ${f(on.msPerItem, 3)} vs ${f(off.msPerItem, 3)} ms (×${f(on.msPerItem / off.msPerItem)}) | ${limit ? met(on.msPerItem / off.msPerItem <= limit) : 'measured'} |`,
		);
	}
	lines.push(
		`| engine, 50 ms: Max Parallel 1 within 10% of the raw sequential loop | ×${f(ratio(p1at50.um, p1at50.raw))} | ${met(ratio(p1at50.um, p1at50.raw) <= 1.1)} |`,
	);
	lines.push(
		`| CLI, 0 ms, Max Parallel 10: per item no more than the bare-helper node's | ${f(um0)} vs ${f(bare0)} ms (×${f(um0 / bare0)}) | ${met(um0 <= bare0)} |`,
	);
	lines.push(
		`| CLI, 0 ms, Max Parallel 10: per item at most 0.7× the HTTP Request node's | ${f(um0)} vs ${f(http0)} ms (×${f(um0 / http0)}) | ${met(um0 <= 0.7 * http0)} |`,
	);
	lines.push(
		`| ${MEMORY_ITEMS} items: peak RSS growth over the baseline no more than the bare-helper node's | ${f(rssGrowth('umdef'), 0)} vs ${f(rssGrowth('bare10'), 0)} MB (HTTP Request ${f(rssGrowth('http'), 0)} MB) | ${met(rssGrowth('umdef') <= rssGrowth('bare10'))} |`,
	);
	lines.push(
		`| module load at most 20 ms over n8n-workflow | ${f(load.oursOverN8nWorkflowMs, 1)} ms | ${met(load.oursOverN8nWorkflowMs <= 20)} |`,
	);
	lines.push(
		`| connections per 1,000 requests (reuse if n8n allows) | ${f(connections, 0)} | n8n's request helper opens a new connection per request and offers nodes no agent option |`,
	);
	lines.push('', '### Earlier targets the floor rules out, and what replaced them', '');
	lines.push('| earlier target | what the floor measured | replaced by |', '|---|---|---|');
	lines.push(
		`| engine, 50 ms: Max Parallel 10 within 10% of the raw 10-parallel loop | the bare node alone is ×${f(ratio(p10at50.bare, p10at50.raw))} the raw loop (UMeeting ×${f(ratio(p10at50.um, p10at50.raw))}) | UMeeting / bare at most 1.03 at 50 ms, Max Parallel 10 |`,
	);
	lines.push(
		`| CLI, 0 ms: at most half the HTTP Request node's time per item | the bare node alone is ×${f(bare0 / http0)} the HTTP Request node | no more than the bare node, and at most 0.7× the HTTP Request node |`,
	);
	const peak = (key: string) => cliRow(cli, 'memory', 0, key).peakRssMb;
	lines.push(
		`| ${MEMORY_ITEMS} items: peak RSS at most half the HTTP Request node's | n8n with the items and no call already peaks at ${f(peak('base'), 0)} MB (×${f(peak('base') / peak('http'))} the HTTP Request run), the bare node at ${f(peak('bare10'), 0)} MB (×${f(peak('bare10') / peak('http'))}) | peak RSS growth over that baseline no more than the bare node's |`,
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
