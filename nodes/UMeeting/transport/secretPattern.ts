/**
 * A pattern that finds the API secret in any form a body can echo it in. The request carries the
 * secret form-encoded, and a page or proxy that echoes the request may show it raw, form-encoded
 * (`+` for a space, `%2B` or `%2b` for `+`, every byte percent-encoded or not), URL-encoded, inside
 * JSON (`\"`, `\\`, `\/`, `\uXXXX` in either case) or as an HTML character reference, and mixes
 * of these. Each character of the secret is matched by any of its forms, so one pattern finds them
 * all, whatever the mix.
 */
export function secretPattern(secret: string): RegExp {
	const parts = Array.from(secret, (char) => `(?:${charForms(char).join('|')})`);
	return new RegExp(parts.join(''), 'g');
}

const JSON_SHORT: Record<string, string> = {
	'"': '\\\\"',
	'\\': '\\\\\\\\',
	'/': '\\\\/',
	'\b': '\\\\b',
	'\f': '\\\\f',
	'\n': '\\\\n',
	'\r': '\\\\r',
	'\t': '\\\\t',
};

/** Every way one character (a code point) of the secret can be written in a body, as regex sources. */
function charForms(char: string): string[] {
	const codePoint = char.codePointAt(0)!;
	const forms: string[] = [];
	// Percent-encoding of its UTF-8 bytes, hex digits in either case.
	forms.push(
		[...Buffer.from(char, 'utf8')]
			.map((byte) => `%${anyCaseHex(byte.toString(16).padStart(2, '0'))}`)
			.join(''),
	);
	if (char === ' ') forms.push('\\+');
	if (JSON_SHORT[char]) forms.push(JSON_SHORT[char]);
	// JSON \u escapes: one for a BMP character, a surrogate pair beyond it.
	const units = codePoint > 0xffff ? [char.charCodeAt(0), char.charCodeAt(1)] : [codePoint];
	forms.push(units.map((unit) => `\\\\u${anyCaseHex(unit.toString(16).padStart(4, '0'))}`).join(''));
	// HTML numeric character references, decimal or hex, with optional leading zeros.
	forms.push(`&#0*${codePoint};`, `&#[xX]0*${anyCaseHex(codePoint.toString(16))};`);
	// The character itself last: `%`, `\\` and `&` also begin an encoded form, which must win
	// so that no rest of it (the `25` of `%25`) is left behind.
	forms.push(escapeRegex(char));
	return forms;
}

function anyCaseHex(hex: string): string {
	return Array.from(hex, (digit) =>
		/[a-f]/i.test(digit) ? `[${digit.toLowerCase()}${digit.toUpperCase()}]` : digit,
	).join('');
}

function escapeRegex(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
