import type { z } from 'zod';

import type { Difference, Normalised, Undeclared } from './findings';
import { send } from './sender';
import { summarise } from './shape';
import type { LiveSettings } from './settings';

export type Outcome = 'pass' | 'differs' | 'refused' | 'failed' | 'skipped';

/** One call of the suite (or one check made without a call, such as the .ics file), as reported. */
export interface CheckResult {
	endpoint: string;
	/** What the call was for, when the suite makes the same call more than once (the --write steps). */
	purpose?: string;
	outcome: Outcome;
	/** The answer's shape when it came, the service's (scrubbed) message, or why it was skipped. */
	detail: string;
	differences: Difference[];
	normalised: Normalised[];
	undeclared: Undeclared[];
}

export interface Report {
	baseUrl: string;
	serviceTimeZone: string;
	write: boolean;
	checks: CheckResult[];
	/** What --write created and could not delete: the person running it deletes it by hand. */
	leftBehind: string[];
}

/** Records the checks of one run; each call is sent, compared and recorded in one step. */
export class Recorder {
	readonly checks: CheckResult[] = [];

	constructor(private readonly settings: LiveSettings) {}

	/**
	 * Calls an endpoint and records how its answer compares. Gives the schema's output when the
	 * node accepts the answer, else the raw data if an answer came (what --write needs to clean up
	 * a meeting whose booking answer the node refuses), and whether the service answered at all.
	 */
	async call(
		endpoint: string,
		form: Record<string, string>,
		schema: z.ZodTypeAny,
		purpose?: string,
	): Promise<{ ok: true; data: unknown } | { ok: false; answered: boolean; raw?: unknown }> {
		const outcome = await send(this.settings, endpoint, form, schema);
		if (outcome.kind !== 'answered') {
			this.record({ endpoint, purpose, outcome: outcome.kind, detail: outcome.message });
			return { ok: false, answered: outcome.kind === 'refused' };
		}
		const { differences, normalised, undeclared } = outcome;
		this.checks.push({
			endpoint,
			...(purpose ? { purpose } : {}),
			outcome: differences.length ? 'differs' : 'pass',
			detail: summarise(outcome.data),
			differences,
			normalised,
			undeclared,
		});
		return differences.length
			? { ok: false, answered: true, raw: outcome.data }
			: { ok: true, data: outcome.accepted };
	}

	skip(endpoint: string, reason: string, purpose?: string) {
		this.record({ endpoint, purpose, outcome: 'skipped', detail: reason });
	}

	/** A step the suite could not finish for a fault of its own, reported instead of stopping the run. */
	failure(endpoint: string, purpose: string, message: string) {
		this.record({ endpoint, purpose, outcome: 'failed', detail: message });
	}

	/** A check the suite makes itself, such as reading back the .ics file it wrote. */
	verdict(endpoint: string, purpose: string, problems: Difference[], detail: string) {
		this.checks.push({
			endpoint,
			purpose,
			outcome: problems.length ? 'differs' : 'pass',
			detail,
			differences: problems,
			normalised: [],
			undeclared: [],
		});
	}

	private record(check: Omit<CheckResult, 'differences' | 'normalised' | 'undeclared'>) {
		this.checks.push({
			endpoint: check.endpoint,
			...(check.purpose ? { purpose: check.purpose } : {}),
			outcome: check.outcome,
			detail: check.detail,
			differences: [],
			normalised: [],
			undeclared: [],
		});
	}
}

/**
 * Every way an answer parted from the schema, one line each, prefixed with the call. The printed
 * report shows them under their call; CI compares them as they are.
 */
export function findingLines(check: CheckResult): string[] {
	const call = check.purpose ? `${check.endpoint} (${check.purpose})` : check.endpoint;
	return [
		...check.differences.map(
			(found) => `${call} differs ${found.path}: expected ${found.expected}, got ${found.got}`,
		),
		...check.normalised.map(
			(found) => `${call} tolerated ${found.path}: ${found.declared} given as ${found.got}`,
		),
		...check.undeclared.map((found) => `${call} undeclared ${found.path}: ${found.got}`),
	];
}

export function failed(report: Report): boolean {
	return (
		report.leftBehind.length > 0 ||
		report.checks.some((check) => !['pass', 'skipped'].includes(check.outcome))
	);
}

export function printReport(report: Report, print: (line: string) => void) {
	const mode = report.write ? 'read and --write' : 'read-only';
	print(
		`UMeeting contract check: ${report.baseUrl}, service zone ${report.serviceTimeZone}, ${mode}, ${new Date().toISOString()}`,
	);
	for (const check of report.checks) {
		const call = check.purpose ? `${check.endpoint} (${check.purpose})` : check.endpoint;
		print(`  ${check.outcome.padEnd(8)} ${call}`);
		print(`           ${check.detail}`);
		for (const line of findingLines(check)) print(`           - ${line.slice(call.length + 1)}`);
	}
	const counts = (['pass', 'differs', 'refused', 'failed', 'skipped'] as const).map(
		(outcome) => `${report.checks.filter((check) => check.outcome === outcome).length} ${outcome}`,
	);
	print(`Summary: ${counts.join(', ')}`);
	if (report.leftBehind.length) {
		print('LEFT BEHIND (delete by hand, e.g. with the UMeeting node, Meeting → Delete):');
		for (const item of report.leftBehind) print(`  ${item}`);
	}
	print(
		'"differs": the node refuses this answer. "tolerated": the node converts the field. "undeclared": the node does not read the field.',
	);
}
