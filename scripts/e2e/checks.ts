/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { isDeepStrictEqual } from 'node:util';

/** Collects named assertions of the end-to-end run, so one failure does not hide the others. */
export class Checks {
	passed = 0;

	readonly failures: string[] = [];

	constructor(private scope = '') {}

	within(scope: string) {
		this.scope = scope;
	}

	that(condition: boolean, what: string, detail?: unknown) {
		if (condition) {
			this.passed++;
			return;
		}
		const extra = detail === undefined ? '' : `\n      ${JSON.stringify(detail)?.slice(0, 2000)}`;
		this.failures.push(`${this.scope}: ${what}${extra}`);
		console.log(`  FAIL ${what}${extra}`);
	}

	equal(actual: unknown, expected: unknown, what: string) {
		this.that(isDeepStrictEqual(actual, expected), what, { actual, expected });
	}
}
