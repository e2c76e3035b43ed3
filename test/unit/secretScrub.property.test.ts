import fc from 'fast-check';

import { describeFailure, type Failure } from '../../nodes/UMeeting/transport/failures';

/**
 * The API secret in a failure's text, whatever form a body echoes it in and wherever the 200
 * characters of the excerpt end. Property: the worded failure of a body that holds the secret is
 * exactly the worded failure of the same body with "***" where the secret stood. Any fragment of
 * the secret left anywhere (a cut through it, an encoding missed) makes the two differ.
 */

/** Characters of the surrounding text; the secrets never hold them, and no encoding of one does. */
const FILLER = ['<', '>', '|', '^', '~', ' ', 'é'];
const filler = (maxLength: number) =>
	fc.array(fc.constantFrom(...FILLER), { maxLength }).map((a) => a.join(''));

const secrets = fc
	.oneof(
		fc.string({ unit: 'grapheme-ascii', minLength: 8, maxLength: 48 }),
		fc.string({ unit: 'grapheme', minLength: 8, maxLength: 32 }),
		fc.string({ unit: 'binary', minLength: 8, maxLength: 32 }),
		// What a generated secret looks like, with the characters that need encoding.
		fc
			.array(fc.constantFrom(...'aZ09+/= "\\%&?#\n'.split('')), { minLength: 8, maxLength: 40 })
			.map((a) => a.join('')),
	)
	.filter((secret) => !FILLER.some((char) => secret.includes(char)) && secret.trim() !== '');

const hexLower = (text: string) => text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());

/** The forms a secret takes in a body that echoes the request, a JSON document or a web page. */
const ENCODINGS: Record<string, (secret: string) => string> = {
	raw: (s) => s,
	uriComponent: (s) => encodeURIComponent(s),
	form: (s) => new URLSearchParams({ s }).toString().slice(2),
	formLowerHex: (s) => hexLower(new URLSearchParams({ s }).toString().slice(2)),
	json: (s) => JSON.stringify(s).slice(1, -1),
	jsonAsciiOnly: (s) =>
		JSON.stringify(s)
			.slice(1, -1)
			.replace(/\//g, '\\/')
			.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
	html: (s) => Array.from(s, (c) => `&#${c.codePointAt(0)};`).join(''),
};

type Shape = 'httpBody' | 'notJson' | 'jsonBody' | 'refused' | 'httpMessage';

function failureOf(shape: Shape, text: string): Failure {
	const endpoint = 'share/schedule';
	switch (shape) {
		case 'httpBody':
			return { kind: 'http', endpoint, httpStatus: 502, body: text, attempts: 1 };
		case 'notJson':
			return { kind: 'notJson', endpoint, httpStatus: 200, body: text };
		case 'jsonBody':
			// The answer as parsed JSON: its excerpt is JSON text again, the secret JSON-escaped.
			return { kind: 'http', endpoint, httpStatus: 500, body: { echo: text }, attempts: 1 };
		case 'refused':
			return { kind: 'refused', endpoint, httpStatus: 200, serviceStatus: 401, serviceMessage: text };
		case 'httpMessage':
			return { kind: 'http', endpoint, httpStatus: 400, serviceMessage: text, body: {}, attempts: 1 };
	}
}

describe('the API secret never reaches an error, in any form, wherever the excerpt is cut', () => {
	test('property: scrubbing the secret from a body gives the same error as a body without it', () => {
		fc.assert(
			fc.property(
				secrets,
				fc.constantFrom(...Object.keys(ENCODINGS)),
				fc.constantFrom<Shape>('httpBody', 'notJson', 'jsonBody', 'refused', 'httpMessage'),
				// Up to 260 characters before it: the secret often straddles the 200-character cut.
				filler(260),
				filler(60),
				(secret, encoding, shape, before, after) => {
					const echoed = `${before}${ENCODINGS[encoding](secret)}${after}`;
					const withSecret = describeFailure(failureOf(shape, echoed), secret);
					const without = describeFailure(failureOf(shape, `${before}***${after}`), secret);
					expect(withSecret).toEqual(without);
				},
			),
			{ numRuns: 3000 },
		);
	});

	test('a page echoing the request body, secret across character 200: no fragment of it is left', () => {
		const secret = 'Sk+9 "q\\u/2Zp%41xY#7&mnB?w=Lc0T'; // 31 characters
		const form = new URLSearchParams({ api_key: 'key-1', api_secret: secret, topic: 'x' }).toString();
		const page = `<html><body><pre>${'.'.repeat(140)} ${form} ${JSON.stringify({ api_secret: secret })}</pre></body></html>`;
		const worded = describeFailure(
			{ kind: 'notJson', endpoint: 'share/schedule', httpStatus: 200, body: page },
			secret,
		);
		const text = JSON.stringify(worded);
		for (let length = 4; length <= secret.length; length++) {
			for (const encoding of Object.values(ENCODINGS)) {
				const fragment = encoding(secret).slice(0, length);
				if (fragment.length >= 6) expect(text).not.toContain(fragment);
			}
		}
		expect(worded.description).toContain('api_secret=***');
	});
});
