/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The build's own bundling step (gulpfile.js runs it into dist/), here into a folder of this test.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is plain CommonJS JavaScript (gulpfile.js requires it too)
const { bundle } = require('../../scripts/build/bundle') as {
	bundle: (outdir: string) => Promise<unknown>;
};

const root = join(__dirname, '../..');

/**
 * The package ships no source maps, so a maintainer reading an error from a user's n8n log finds the
 * source through the bundle itself: the stack line names the shipped file, line and function, and
 * the nearest `// nodes/….ts` (or `// credentials/….ts`) comment above that line is the source file.
 * Each case throws inside a bundle, in a fresh Node process as n8n loads it.
 */
const cases = [
	{
		what: 'the node: the Meeting list search with a credential whose Service Time Zone is not a zone',
		bundle: 'nodes/UMeeting/UMeeting.node.js',
		call: `
			const { UMeeting } = require(file);
			const context = {
				getCredentials: async () => ({
					apiKey: 'key', apiSecret: 'secret', baseUrl: 'https://api.systeccloud.com',
					serviceTimeZone: 'Mars/Olympus_Mons',
				}),
				getNode: () => ({ name: 'UMeeting', type: 'n8n-nodes-umeeting.uMeeting', typeVersion: 1, parameters: {} }),
			};
			return new UMeeting().methods.listSearch.searchMeetings.call(context);`,
		error: 'NodeOperationError',
		message: /Service Time Zone "Mars\/Olympus_Mons" is not an IANA time zone/,
		source: 'nodes/UMeeting/transport/session.ts',
		fn: 'serviceTimeZone',
	},
	{
		what: 'the credential: authenticate with a plain http:// Base URL on another machine',
		bundle: 'credentials/UMeetingApi.credentials.js',
		call: `
			const { UMeetingApi } = require(file);
			return new UMeetingApi().authenticate(
				{ apiKey: 'key', apiSecret: 'secret', baseUrl: 'http://meetings.example.com' },
				{ url: '/umeeting/share/list', method: 'POST' },
			);`,
		error: 'UserError',
		message: /uses plain http:\/\//,
		source: 'credentials/UMeetingApi.credentials.ts',
		fn: 'UMeetingApi.authenticate',
	},
];

/** Runs `call` in a fresh Node process; returns the error it rejects with. */
function thrownIn(file: string, call: string): { name: string; message: string; stack: string } {
	const script = `
		const file = process.argv[1];
		Promise.resolve()
			.then(() => { ${call} })
			.then(
				() => console.log(JSON.stringify({ name: 'none', message: 'nothing was thrown', stack: '' })),
				(e) => console.log(JSON.stringify({ name: e.constructor.name, message: e.message, stack: e.stack })),
			);`;
	const out = execFileSync(process.execPath, ['-e', script, file], {
		encoding: 'utf8',
		// Only what n8n lends a community node is resolvable, as in n8n (bundles are built to a temp folder).
		env: { PATH: process.env.PATH, NODE_PATH: join(root, 'node_modules'), TZ: 'UTC' },
	});
	return JSON.parse(out.trim().split('\n').pop() ?? '{}');
}

/** The source file named by the nearest module comment at or above a line of a bundle (1-based). */
function sourceAt(bundleText: string, line: number): string | undefined {
	const lines = bundleText.split('\n');
	for (let i = line - 1; i >= 0; i--) {
		const comment = /^\/\/ ((?:nodes|credentials)\/\S+\.ts)$/.exec(lines[i]);
		if (comment) return comment[1];
	}
	return undefined;
}

describe('an error thrown in the shipped bundles names a place a maintainer can map back', () => {
	let outdir: string;

	beforeAll(async () => {
		outdir = mkdtempSync(join(tmpdir(), 'umeeting-bundle-'));
		await bundle(outdir);
	});

	afterAll(() => rmSync(outdir, { recursive: true, force: true }));

	it.each(cases)('$what', (c) => {
		const file = join(outdir, c.bundle);
		const error = thrownIn(file, c.call);
		expect(error.name).toBe(c.error);
		expect(error.message).toMatch(c.message);

		// The first frame in our code: `at <function> (<bundle>:<line>:<column>)`.
		const frame = error.stack
			.split('\n')
			.map((l) => /^\s+at (?:async )?(\S+) \((.+):(\d+):(\d+)\)$/.exec(l))
			.find((m) => m !== null && m[2] === file);
		expect(frame).toBeDefined();
		const [, fn, , line] = frame!;
		expect(fn).toBe(c.fn);

		const text = readFileSync(file, 'utf8');
		expect(sourceAt(text, Number(line))).toBe(c.source);
		// Readable: the line is the statement as written in the source (not minified).
		expect(text.split('\n')[Number(line) - 1]).toMatch(
			new RegExp(`new import_n8n_workflow\\d*\\.${c.error}\\(`),
		);
	});
});
