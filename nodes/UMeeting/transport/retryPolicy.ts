/**
 * Scheduling is not idempotent, so a request is sent again only when the service certainly did not
 * act on it: the connection was refused (nothing was sent), or the service answered 429/503 with a
 * Retry-After (it says it did not process the request and when to come back). Never after a
 * timeout, a dropped connection or any other answer.
 */
export const RETRY_LIMITS = {
	maxAttempts: 3,
	/** Most time the node spends waiting between attempts of one item. */
	maxTotalWaitMs: 30_000,
	/** Waits after a refused connection, per retry. */
	refusedWaitMs: [500, 1500],
};

export type AttemptOutcome =
	| { kind: 'answer'; httpStatus: number; retryAfter?: string }
	| { kind: 'networkError'; code: string };

/** How long to wait before sending again, or undefined when the request must not be sent again. */
export function retryDelay(
	outcome: AttemptOutcome,
	attempt: number,
	waitedMs: number,
	now = Date.now(),
): number | undefined {
	if (attempt >= RETRY_LIMITS.maxAttempts) return undefined;
	const wait = safeWait(outcome, attempt, now);
	if (wait === undefined || waitedMs + wait > RETRY_LIMITS.maxTotalWaitMs) return undefined;
	return wait;
}

function safeWait(outcome: AttemptOutcome, attempt: number, now: number): number | undefined {
	if (outcome.kind === 'networkError') {
		return outcome.code === 'ECONNREFUSED' ? RETRY_LIMITS.refusedWaitMs[attempt - 1] : undefined;
	}
	if (outcome.httpStatus !== 429 && outcome.httpStatus !== 503) return undefined;
	return parseRetryAfter(outcome.retryAfter, now);
}

/** Retry-After is either whole seconds or an HTTP date; anything else is no Retry-After. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	const date = parseHttpDate(text);
	return date === undefined ? undefined : Math.max(0, date - now);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
/** The three forms HTTP allows (RFC 9110 5.6.7), all in GMT: IMF-fixdate, RFC 850, asctime. */
const HTTP_DATES: Array<{ pattern: RegExp; order: [number, number, number, number, number, number] }> = [
	{ pattern: new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`), order: [3, 2, 1, 4, 5, 6] },
	{ pattern: new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`), order: [3, 2, 1, 4, 5, 6] },
	{ pattern: new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`), order: [6, 1, 2, 3, 4, 5] },
];

/** Milliseconds since the epoch of an HTTP date, read strictly and in GMT; undefined otherwise. */
function parseHttpDate(text: string): number | undefined {
	for (const { pattern, order } of HTTP_DATES) {
		const match = pattern.exec(text);
		if (!match) continue;
		const [yearText, monthText, dayText, hour, minute, second] = order.map((index) => match[index]);
		let year = Number(yearText);
		// RFC 850's two-digit year: the recipient takes the century that puts it nearest (RFC 9110).
		if (yearText.length === 2) year += year < 70 ? 2000 : 1900;
		const month = MONTHS.indexOf(monthText);
		const day = Number(dayText.trim());
		const time = Date.UTC(year, month, day, Number(hour), Number(minute), Number(second));
		// Date.UTC rolls 31 February into March: such a date is not a date.
		if (new Date(time).getUTCDate() !== day) return undefined;
		return time;
	}
	return undefined;
}
