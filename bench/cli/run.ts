/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

import { UMeetingSimulator } from '../../test/simulator';
import { CREDENTIAL_ID, installPackage, must, pack, prepare, scratch } from '../../scripts/e2e/harness';
import { N8nHome, parseRunJson } from '../../scripts/e2e/n8nCli';
import { executeWorkflow, outputItems } from './execute';
import { markdownTable, type Measurement, type Ratio, ratioLines } from './report';
import { compileBareNode } from './bareNode';
import {
	BARE_P1,
	BARE_P10,
	BASELINE,
	buildWorkflow,
	HTTP_REQUEST,
	HTTP_REQUEST_BATCHED,
	lastNodeName,
	UMEETING_DEFAULT,
	UMEETING_P1,
	UMEETING_P10,
	type Variant,
	workflowId,
} from './workflows';

/**
 * `npx ts-node bench/cli/run.ts [--items 1000] [--latency 0,50] [--memory-items 10000]`
 *
 * The UMeeting node against n8n's own HTTP Request node making the same call for the same items,
 * in the real n8n 1.x CLI (`n8n execute`), against the simulator in this process. Each workflow
 * runs once per latency, one n8n at a time (two would share the 2 cores and skew each other).
 * The per-item time subtracts the baseline workflow's time (n8n's startup and making N items).
 * Peak RSS compares the nodes at --memory-items items and 0 ms latency (--memory-items 0 skips it).
 * Results: a Markdown table and ratios on stdout, everything as JSON in bench/cli/last-run.json.
 */
const SPEED: Variant[] = [
	BASELINE,
	UMEETING_P1,
	UMEETING_P10,
	BARE_P1,
	BARE_P10,
	HTTP_REQUEST,
	HTTP_REQUEST_BATCHED,
];
/**
 * With latency the nodes run 10 in parallel only: a sequential run is a minute of waiting for the
 * latency (the engine benchmark covers sequential runs with latency).
 */
const SEQUENTIAL = [UMEETING_P1, BARE_P1];
const speedAt = (latencyMs: number) =>
	SPEED.filter((variant) => latencyMs === 0 || !SEQUENTIAL.includes(variant));
/** Runs per workflow at 0 ms, where the nodes' own cost is a small part of a run and noise matters most. */
const SPEED_ROUNDS_AT_0_MS = 2;
const MEMORY: Variant[] = [BASELINE, UMEETING_DEFAULT, BARE_P10, HTTP_REQUEST];

function option(name: string, fallback: string): string {
	const at = process.argv.indexOf(`--${name}`);
	return at >= 0 ? process.argv[at + 1] : fallback;
}

const items = Number(option('items', '1000'));
const latencies = option('latency', '0,50').split(',').map(Number);
const memoryItems = Number(option('memory-items', '10000'));

const mb = (bytes: number) => bytes / 1024 / 1024;

async function main() {
	const started = Date.now();
	const loadAtStart = os.loadavg();
	const install = await prepare('v1');
	const n8nVersion = (await must(install.node, [install.cli, '--version'])).trim().split('\n').pop()!;
	const nodeVersion = (await must(install.node, ['--version'])).trim();
	console.log('> build and pack');
	const tarball = await pack();
	const home = new N8nHome(install, join(scratch, 'home-bench'));
	await installPackage(home, tarball);
	home.env.N8N_CUSTOM_EXTENSIONS = await compileBareNode();

	const simulator = new UMeetingSimulator();
	await simulator.start();
	const measurements: Measurement[] = [];
	try {
		console.log('> import credential and workflows');
		await importAll(home, simulator);

		/** Runs one workflow on a freshly reset simulator and checks one meeting per item. */
		const measure = async (
			section: Measurement['section'],
			variant: Variant,
			count: number,
			latencyMs: number,
		) => {
			// One simulator (one URL, baked into the workflows) for all runs; only its latency changes.
			simulator.options.latencyMs = latencyMs;
			simulator.reset();
			let run = await executeWorkflow(home, workflowId(variant, count));
			let runData = parseRunJson(run.stdout);
			if (run.code === 0 && runData === undefined) {
				// n8n exits right after printing the run's JSON, and at 10,000 items (~10 MB) the pipe
				// sometimes gets only part of it: that run says nothing about the node, so it runs again.
				console.log(
					`  ${variant.label}: n8n's JSON cut short at ${run.stdout.length} bytes; running it again`,
				);
				simulator.reset();
				run = await executeWorkflow(home, workflowId(variant, count));
				runData = parseRunJson(run.stdout);
			}
			const output = outputItems(runData, lastNodeName(variant)).length;
			const created = simulator.store.created;
			const expectedMeetings = variant.books ? count : 0;
			const problem =
				run.code !== 0
					? `exit ${run.code}: ${runData?.data?.resultData?.error?.message ?? run.stderr.slice(-300)}`
					: output !== count
						? `${output} output items`
						: created !== expectedMeetings
							? `${created} meetings`
							: undefined;
			const measurement: Measurement = {
				section,
				workflow: variant.label,
				key: variant.key,
				items: count,
				latencyMs,
				ok: problem === undefined,
				problem,
				seconds: run.seconds,
				peakInFlight: simulator.peakInFlight,
				connections: simulator.connections,
				meetingsCreated: created,
				outputItems: output,
				peakRssMb: mb(run.peakRssBytes),
			};
			measurements.push(measurement);
			console.log(
				`  ${section} ${latencyMs} ms ${variant.label}, ${count} items: ${run.seconds.toFixed(1)} s, ` +
					`${measurement.peakRssMb.toFixed(0)} MB${problem ? `  FAILED: ${problem}` : ''}`,
			);
		};

		for (const latencyMs of latencies) {
			const rounds = latencyMs === 0 ? SPEED_ROUNDS_AT_0_MS : 1;
			console.log(`> speed, ${items} items, latency ${latencyMs} ms, ${rounds} round(s)`);
			const variants = speedAt(latencyMs);
			for (let round = 0; round < rounds; round++) {
				// Each round starts one workflow later, so that no workflow always runs in the same spot.
				const order = variants.map((_, index) => variants[(index + round) % variants.length]);
				for (const variant of order) await measure('speed', variant, items, latencyMs);
			}
		}
		if (memoryItems > 0) {
			console.log(`> memory, ${memoryItems} items, latency 0 ms`);
			for (const variant of MEMORY) await measure('memory', variant, memoryItems, 0);
		}
	} finally {
		await simulator.stop();
	}

	const kept = fastestRuns(measurements);
	const ratios = computeRatios(kept);
	const runtimeSeconds = (Date.now() - started) / 1000;
	const machine = {
		cpu: os.cpus()[0].model,
		cores: os.cpus().length,
		memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
		// Another job on the same 2 cores skews the timings; the 1-minute load average at start and
		// end shows whether one ran (the bench itself keeps about one core busy).
		loadAverage: { start: Number(loadAtStart[0].toFixed(2)), end: Number(os.loadavg()[0].toFixed(2)) },
	};
	const result = {
		date: new Date().toISOString(),
		machine,
		n8nVersion,
		nodeVersion,
		settings: { items, latencies, memoryItems },
		runtimeSeconds,
		measurements: kept,
		ratios,
	};
	writeFileSync(join(__dirname, 'last-run.json'), `${JSON.stringify(result, null, 2)}\n`);

	console.log(
		`\n${result.date}  ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, load ${machine.loadAverage.start} → ${machine.loadAverage.end}`,
	);
	console.log(`n8n ${n8nVersion} on Node ${nodeVersion}; runtime ${runtimeSeconds.toFixed(0)} s\n`);
	console.log(markdownTable(kept));
	console.log(`\nRatios (below 1 means the first is cheaper):\n${ratioLines(ratios)}`);
	console.log(`\nwritten to ${join(__dirname, 'last-run.json')}`);
	return measurements.every((m) => m.ok);
}

/**
 * One row per workflow: its fastest run (the one another job on the machine disturbed least), or
 * a failed run if any failed; then the per-item time against the baseline kept the same way.
 */
function fastestRuns(measurements: Measurement[]): Measurement[] {
	const rows = new Map<string, Measurement>();
	for (const m of measurements) {
		const id = `${m.section} ${m.key} ${m.items} ${m.latencyMs}`;
		const kept = rows.get(id);
		if (!kept || (kept.ok && (!m.ok || m.seconds < kept.seconds))) rows.set(id, m);
	}
	const kept = [...rows.values()];
	for (const m of kept) {
		const baseline = kept.find(
			(b) => b.key === BASELINE.key && b.items === m.items && b.latencyMs === m.latencyMs,
		);
		if (m.key === BASELINE.key || !baseline) continue;
		m.perItemMs = ((m.seconds - baseline.seconds) * 1000) / m.items;
		m.itemsPerSecond = 1000 / m.perItemMs;
	}
	return kept;
}

/** Imports the credential and every workflow the runs need, each once. */
async function importAll(home: N8nHome, simulator: UMeetingSimulator) {
	const credentialsFile = home.writeJson('credentials.json', [
		{
			id: CREDENTIAL_ID,
			name: 'UMeeting (bench)',
			type: 'uMeetingApi',
			data: { apiKey: simulator.apiKey, apiSecret: simulator.apiSecret, baseUrl: simulator.url },
		},
	]);
	const credentials = await home.n8n(['import:credentials', `--input=${credentialsFile}`]);
	if (credentials.code !== 0)
		throw new Error(`import:credentials failed:\n${credentials.stdout}\n${credentials.stderr}`);
	const target = { url: simulator.url, apiKey: simulator.apiKey, apiSecret: simulator.apiSecret };
	const wanted = [
		...SPEED.map((variant) => buildWorkflow(variant, items, target)),
		...(memoryItems > 0 ? MEMORY.map((variant) => buildWorkflow(variant, memoryItems, target)) : []),
	];
	const unique = [...new Map(wanted.map((workflow) => [workflow.id, workflow])).values()];
	const workflowsFile = home.writeJson('workflows.json', unique);
	const workflows = await home.n8n(['import:workflow', `--input=${workflowsFile}`]);
	if (workflows.code !== 0)
		throw new Error(`import:workflow failed:\n${workflows.stdout}\n${workflows.stderr}`);
}

function computeRatios(measurements: Measurement[]): Ratio[] {
	const find = (section: string, key: string, latencyMs: number) =>
		measurements.find((m) => m.section === section && m.key === key && m.latencyMs === latencyMs && m.ok);
	// A per-item time at or below zero means the node's cost was below the noise of n8n's startup:
	// no meaningful ratio, so none is given.
	const divide = (a?: number, b?: number) =>
		a === undefined || b === undefined || a <= 0 || b <= 0 ? null : a / b;
	const ratios: Ratio[] = [];
	const perItem = (latencyMs: number, over: Variant, under: Variant) => ({
		what: `per-item time at ${latencyMs} ms, ${over.label} / ${under.label}`,
		ratio: divide(
			find('speed', over.key, latencyMs)?.perItemMs,
			find('speed', under.key, latencyMs)?.perItemMs,
		),
	});
	for (const latencyMs of latencies) {
		const ran = speedAt(latencyMs);
		const pairs = (
			[
				[UMEETING_P1, BARE_P1],
				[UMEETING_P10, BARE_P10],
				[BARE_P1, HTTP_REQUEST],
				[BARE_P10, HTTP_REQUEST],
				...[UMEETING_P1, UMEETING_P10].flatMap((uMeeting) =>
					[HTTP_REQUEST, HTTP_REQUEST_BATCHED].map((http) => [uMeeting, http]),
				),
			] as Array<[Variant, Variant]>
		).filter(([over]) => ran.includes(over));
		for (const [over, under] of pairs) ratios.push(perItem(latencyMs, over, under));
	}
	if (memoryItems > 0) {
		const uMeeting = find('memory', UMEETING_DEFAULT.key, 0);
		const http = find('memory', HTTP_REQUEST.key, 0);
		const bare = find('memory', BARE_P10.key, 0);
		const baseline = find('memory', BASELINE.key, 0);
		ratios.push({
			what: `peak RSS at ${memoryItems} items, ${UMEETING_DEFAULT.label} / ${HTTP_REQUEST.label}`,
			ratio: divide(uMeeting?.peakRssMb, http?.peakRssMb),
		});
		ratios.push({
			what: `peak RSS growth over the baseline at ${memoryItems} items, UMeeting / HTTP Request`,
			ratio: baseline
				? divide(
						uMeeting && uMeeting.peakRssMb - baseline.peakRssMb,
						http && http.peakRssMb - baseline.peakRssMb,
					)
				: null,
		});
		ratios.push({
			what: `peak RSS growth over the baseline at ${memoryItems} items, UMeeting / bare-helper node`,
			ratio: baseline
				? divide(
						uMeeting && uMeeting.peakRssMb - baseline.peakRssMb,
						bare && bare.peakRssMb - baseline.peakRssMb,
					)
				: null,
		});
	}
	return ratios;
}

main().then(
	(ok) => process.exit(ok ? 0 : 1),
	(error: Error) => {
		console.error(error.stack ?? error.message);
		process.exit(1);
	},
);
