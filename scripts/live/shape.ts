import { HOST_SECRETS } from '../../nodes/UMeeting/helpers/answerFields';

/**
 * Fields whose value is never shown, not even its length: host secrets, the meeting password and
 * the credential's secret (should a service ever echo it).
 */
const SECRET_FIELDS = new Set<string>([...HOST_SECRETS, 'password', 'api_secret']);

export function isSecretField(key: string): boolean {
	return SECRET_FIELDS.has(key);
}

/**
 * The kind of a value as a report names it, never the value itself: an answer of a real account
 * holds meeting topics, join links and host secrets, which a report attached to a public issue
 * must not carry.
 */
export function kindOf(value: unknown): string {
	if (value === undefined) return 'missing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'list';
	if (typeof value === 'string') return /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? 'numeric text' : 'text';
	if (typeof value === 'object') return 'object';
	return typeof value;
}

/** One line describing an answer's data: its top-level fields and their kinds, secrets marked. */
export function summarise(data: unknown): string {
	if (Array.isArray(data)) {
		const first = data.find((row) => row !== null && typeof row === 'object');
		return `list of ${data.length}${first ? `, rows ${summarise(first)}` : ''}`;
	}
	if (data === undefined) return 'no data';
	if (data === null || typeof data !== 'object') return kindOf(data);
	const fields = Object.entries(data).map(([key, value]) => {
		if (isSecretField(key))
			return `${key}: ${value === undefined || value === null ? kindOf(value) : 'secret, not shown'}`;
		return `${key}: ${Array.isArray(value) ? `list of ${value.length}` : kindOf(value)}`;
	});
	return `{ ${fields.join(', ')} }`;
}
