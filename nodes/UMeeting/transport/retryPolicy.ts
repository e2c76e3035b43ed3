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

/** Retry-After is either whole seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
