/** What one `n8n execute` of one benchmark workflow gave. */
export interface Measurement {
	section: 'speed' | 'memory';
	workflow: string;
	key: string;
	items: number;
	latencyMs: number;
	ok: boolean;
	problem?: string;
	seconds: number;
	/** (this workflow's seconds − the baseline's, same items and latency) / items; baseline: none. */
	perItemMs?: number;
	/** 1000 / perItemMs: items the node handles per second, n8n's startup and item making left out. */
	itemsPerSecond?: number;
	peakInFlight: number;
	connections: number;
	meetingsCreated: number;
	outputItems: number;
	peakRssMb: number;
}

export interface Ratio {
	what: string;
	ratio: number | null;
}

const fixed = (value: number | undefined, digits: number) =>
	value === undefined ? '' : value.toFixed(digits);

export function markdownTable(measurements: Measurement[]): string {
	const header = [
		'section',
		'latency ms',
		'workflow',
		'items',
		'wall s',
		'per item ms',
		'items/s',
		'peak in flight',
		'connections',
		'meetings',
		'output items',
		'peak RSS MB',
		'ok',
	];
	const rows = measurements.map((m) => [
		m.section,
		String(m.latencyMs),
		m.workflow,
		String(m.items),
		fixed(m.seconds, 2),
		fixed(m.perItemMs, 2),
		fixed(m.itemsPerSecond, 0),
		String(m.peakInFlight),
		String(m.connections),
		String(m.meetingsCreated),
		String(m.outputItems),
		fixed(m.peakRssMb, 0),
		m.ok ? 'yes' : `NO: ${m.problem}`,
	]);
	return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function ratioLines(ratios: Ratio[]): string {
	return ratios
		.map(
			(r) =>
				`- ${r.what}: ${r.ratio === null ? 'n/a (a time at or below zero: within the noise)' : r.ratio.toFixed(2)}`,
		)
		.join('\n');
}
