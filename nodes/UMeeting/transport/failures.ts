import { secretPattern } from './secretPattern';

/** What went wrong with one call, before it is worded for the user. */
export type Failure =
	| { kind: 'network'; endpoint: string; cause: unknown; attempts: number }
	| {
			kind: 'http';
			endpoint: string;
			httpStatus: number;
			serviceStatus?: unknown;
			serviceMessage?: string;
			body: unknown;
			attempts: number;
	  }
	| { kind: 'notJson'; endpoint: string; httpStatus: number; body: unknown }
	| { kind: 'refused'; endpoint: string; httpStatus: number; serviceStatus: unknown; serviceMessage?: string }
	| { kind: 'badData'; endpoint: string; problem: string }
	| {
			kind: 'redirect';
			endpoint: string;
			httpStatus: number;
			/** The Location header as received (worded without its query, fragment or user info). */
			location?: string;
			/** The URL the request went to, against which a relative Location is read. */
			requestUrl: string;
			/** n8n's helper threw the answer away with its headers: the Location is not known. */
			locationUnknown?: boolean;
	  };

export interface WordedFailure {
	message: string;
	description: string;
	httpCode?: string;
	details: Record<string, string | number | null>;
}

const CHECK_CREDENTIALS = 'Check the API key, the API secret and the Base URL in the UMeeting credential.';
const MAYBE_CREATED =
	'The service may have acted on the request before the failure: look the meeting up in UMeeting before running the item again.';

/**
 * Words a failure for the user. What the service sent is scrubbed of the secret before anything is
 * cut from it or put into words (a cut could leave most of the secret where no whole one remains),
 * and every worded text is scrubbed again.
 */
export function describeFailure(failure: Failure, secret: string): WordedFailure {
	const worded = word(scrubbed(failure, secret));
	return {
		message: redact(worded.message, secret),
		description: redact(worded.description, secret),
		httpCode: worded.httpCode,
		details: Object.fromEntries(
			Object.entries(worded.details).map(([k, v]) => [k, typeof v === 'string' ? redact(v, secret) : v]),
		),
	};
}

/** The failure with the service's own texts (body, message, network error) scrubbed of the secret. */
function scrubbed(failure: Failure, secret: string): Failure {
	const clean = (text: string | undefined) => (text === undefined ? undefined : redact(text, secret));
	switch (failure.kind) {
		case 'http':
			return {
				...failure,
				serviceMessage: clean(failure.serviceMessage),
				body: clean(bodyText(scrubValues(failure.body, secret))),
			};
		case 'notJson':
			return { ...failure, body: clean(bodyText(scrubValues(failure.body, secret))) };
		case 'refused':
			return { ...failure, serviceMessage: clean(failure.serviceMessage) };
		case 'network': {
			const { code, text } = networkReason(failure.cause);
			return { ...failure, cause: { code, message: redact(text, secret) } };
		}
		default:
			return failure;
	}
}

/**
 * A parsed answer with the secret scrubbed from each of its texts: a text that held it JSON-escaped
 * (an echoed JSON request) would be escaped a second time when the answer is written back as JSON.
 */
function scrubValues(value: unknown, secret: string): unknown {
	if (typeof value === 'string') return redact(value, secret);
	if (Array.isArray(value)) return value.map((entry) => scrubValues(entry, secret));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [redact(key, secret), scrubValues(entry, secret)]),
		);
	}
	return value;
}

function bodyText(body: unknown): string {
	return typeof body === 'string' ? body : (JSON.stringify(body) ?? String(body));
}

function word(failure: Failure): WordedFailure {
	switch (failure.kind) {
		case 'network': {
			const { code, text } = networkReason(failure.cause);
			// n8n rewrites a message that contains a raw network code into a generic sentence, so the
			// message says it in words and the raw text goes to the details.
			return {
				message: `Could not get an answer from UMeeting (${failure.endpoint})${tries(failure.attempts)}: ${NETWORK_WORDS[code] ?? 'the request failed on the way'}`,
				description: NETWORK_ADVICE[code] ?? `${MAYBE_CREATED} Then check the Base URL and your network.`,
				details: { endpoint: failure.endpoint, networkCode: code, networkError: text },
			};
		}
		case 'http': {
			const reason = failure.serviceMessage ? `: ${failure.serviceMessage}` : '';
			return {
				message: `UMeeting answered HTTP ${failure.httpStatus} (${failure.endpoint})${tries(failure.attempts)}${reason}`,
				description: httpAdvice(failure.httpStatus),
				httpCode: String(failure.httpStatus),
				details: {
					endpoint: failure.endpoint,
					httpStatus: failure.httpStatus,
					serviceStatus: scalar(failure.serviceStatus),
					serviceMessage: failure.serviceMessage ?? null,
					excerpt: failure.serviceMessage ? null : excerpt(failure.body),
				},
			};
		}
		case 'notJson':
			return {
				message: `UMeeting's answer to ${failure.endpoint} is not the API's JSON (HTTP ${failure.httpStatus})`,
				description: `Check that the Base URL points to the UMeeting API and not to a proxy or login page. The answer began with: ${excerpt(failure.body)}`,
				httpCode: String(failure.httpStatus),
				details: {
					endpoint: failure.endpoint,
					httpStatus: failure.httpStatus,
					excerpt: excerpt(failure.body),
				},
			};
		case 'badData':
			return {
				message: `UMeeting reported success for ${failure.endpoint}, but its answer ${failure.problem}`,
				description: `The service may have acted on the request: look the meeting up in UMeeting before running the item again. If this keeps happening, the Base URL may lead to a different version of the API.`,
				details: { endpoint: failure.endpoint, problem: failure.problem },
			};
		case 'redirect':
			return wordRedirect(failure);
		case 'refused':
			return {
				message: `UMeeting refused the request (${failure.endpoint}): ${failure.serviceMessage ?? 'no reason given'}`,
				description: `The service answered status ${String(failure.serviceStatus)} with HTTP ${failure.httpStatus}. Fix what the message names; if it is about the key or secret: ${CHECK_CREDENTIALS}`,
				httpCode: String(failure.httpStatus),
				details: {
					endpoint: failure.endpoint,
					httpStatus: failure.httpStatus,
					serviceStatus: scalar(failure.serviceStatus),
					serviceMessage: failure.serviceMessage ?? null,
				},
			};
	}
}

/**
 * A 3xx is never followed: n8n's request helper would send the form body, api_key and api_secret
 * included, to wherever the Location points (a 307/308 re-sends the POST as is). The Location is
 * named by its origin and path only: its query string, fragment and user info may carry anything.
 */
function wordRedirect(failure: Extract<Failure, { kind: 'redirect' }>): WordedFailure {
	const { endpoint, httpStatus } = failure;
	const head = `UMeeting's Base URL answered HTTP ${httpStatus} (${endpoint})`;
	const refusal = `The node does not follow redirects, because every request carries the API secret`;
	const base = { httpCode: String(httpStatus) };
	const target = failure.locationUnknown ? 'unknown' : redirectTarget(failure.location, failure.requestUrl);
	if (target === 'unknown') {
		return {
			...base,
			message: `${head}, a redirect: not followed, nothing was sent elsewhere`,
			description: `${refusal}. Check that the Base URL in the UMeeting credential is the address of the UMeeting API itself (for example its https:// address, or with the path it expects before /umeeting), not of a proxy or login page.`,
			details: { endpoint, httpStatus, redirectTo: null, redirectPath: null },
		};
	}
	if (target === 'none') {
		return {
			...base,
			message: `${head}, a redirect without a Location: not followed, nothing was sent elsewhere`,
			description: `${refusal}. Check that the Base URL in the UMeeting credential is the address of the UMeeting API itself, not of a proxy or login page.`,
			details: { endpoint, httpStatus, redirectTo: null, redirectPath: null },
		};
	}
	if (target === 'invalid') {
		return {
			...base,
			message: `${head}, redirecting to an address that is not a valid URL: not followed, nothing was sent there`,
			description: `${refusal}. Check that the Base URL in the UMeeting credential is the address of the UMeeting API itself, not of a proxy or login page.`,
			details: { endpoint, httpStatus, redirectTo: null, redirectPath: null },
		};
	}
	const { origin, host, path, protocol } = target;
	const suffix = `/umeeting/${endpoint}`;
	const advice = path.endsWith(suffix)
		? `If you trust ${host}, enter ${origin}${path.slice(0, -suffix.length)} as the Base URL.`
		: `If you trust ${host}, enter the address it points to as the Base URL (for example its https:// address, or with the path the service expects before /umeeting).`;
	const httpsNote =
		protocol === 'https:' && !failure.requestUrl.startsWith('https:')
			? ' The service points to an https:// address: use it, so that the secret travels encrypted.'
			: '';
	return {
		...base,
		message: `${head}, redirecting to ${origin}: not followed, nothing was sent to ${host}`,
		description: `${refusal}: ${host} received nothing. The redirect pointed to ${origin}${path}. Fix the Base URL in the UMeeting credential so that no redirect is needed. ${advice}${httpsNote}`,
		details: { endpoint, httpStatus, redirectTo: origin, redirectPath: path },
	};
}

const MAX_PATH_SHOWN = 120;

function redirectTarget(
	location: string | undefined,
	requestUrl: string,
): 'none' | 'invalid' | { origin: string; host: string; path: string; protocol: string } {
	if (location === undefined || location.trim() === '') return 'none';
	let url: URL;
	try {
		url = new URL(location.trim(), requestUrl);
	} catch {
		return 'invalid';
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'invalid';
	const path =
		url.pathname.length > MAX_PATH_SHOWN ? `${url.pathname.slice(0, MAX_PATH_SHOWN)}…` : url.pathname;
	return { origin: url.origin, host: url.host, path, protocol: url.protocol };
}

const NETWORK_WORDS: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name of the Base URL does not resolve',
	ETIMEDOUT: 'no answer within the request timeout',
	ECONNABORTED: 'no answer within the request timeout',
	ECONNRESET: 'the connection was dropped before an answer came',
};

const NETWORK_ADVICE: Record<string, string> = {
	ECONNREFUSED: `Nothing accepted the connection, so nothing was sent. Check the Base URL and that the service is up. ${CHECK_CREDENTIALS}`,
	ENOTFOUND: 'The host name of the Base URL does not resolve, so nothing was sent. Check the Base URL.',
	ETIMEDOUT: `The service did not answer in time. ${MAYBE_CREATED}`,
	ECONNABORTED: `The service did not answer in time. ${MAYBE_CREATED}`,
	ECONNRESET: `The connection was dropped. ${MAYBE_CREATED}`,
};

function tries(attempts: number): string {
	return attempts > 1 ? ` after ${attempts} attempts` : '';
}

function httpAdvice(status: number): string {
	if (status === 401 || status === 403) return CHECK_CREDENTIALS;
	if (status === 404) return 'The Base URL in the UMeeting credential does not lead to the UMeeting API.';
	if (status === 429)
		return 'UMeeting is limiting the request rate. Wait a moment, or send fewer requests per second.';
	if (status >= 500) return `UMeeting had an internal problem. ${MAYBE_CREATED}`;
	return 'UMeeting did not accept the request.';
}

/** n8n's request helper wraps the network error; the code and the original text sit on the wrapper. */
export function networkReason(cause: unknown): { code: string; text: string } {
	const error = cause as {
		code?: unknown;
		httpCode?: unknown;
		message?: unknown;
		messages?: unknown;
		cause?: { code?: unknown; message?: unknown };
	};
	const code =
		[error?.cause?.code, error?.code, error?.httpCode].find(
			(c): c is string => typeof c === 'string' && /^E[A-Z]+$/.test(c),
		) ?? 'UNKNOWN';
	const firstMessage = Array.isArray(error?.messages) ? error.messages[0] : undefined;
	const text = [firstMessage, error?.cause?.message, error?.message].find(
		(m): m is string => typeof m === 'string',
	);
	return { code, text: text ?? code };
}

function scalar(value: unknown): string | number | null {
	return typeof value === 'number' || typeof value === 'string' ? value : null;
}

function excerpt(body: unknown): string {
	const flat = bodyText(body).replace(/\s+/g, ' ').trim();
	return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

/** The text with the secret, in every form a body can carry it, replaced by ***. */
export function redact(text: string, secret: string): string {
	if (!secret) return text;
	return text.replace(patternOf(secret), '***');
}

/** The last secret's pattern: one credential serves a whole run. */
let lastPattern: { secret: string; pattern: RegExp } | undefined;

function patternOf(secret: string): RegExp {
	if (lastPattern?.secret !== secret) lastPattern = { secret, pattern: secretPattern(secret) };
	return lastPattern.pattern;
}
