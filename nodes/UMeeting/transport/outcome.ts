import { networkReason, type Failure } from './failures';

/**
 * Whether the service may have acted on a request that failed: it may have received it and its
 * answer was lost (a timeout or a connection dropped after sending), cut off or garbled (not the
 * API's JSON, or JSON that does not match), or it failed while working (a 5xx). A refusal, a 4xx,
 * a redirect, a refused connection or a 429/503 with Retry-After say it did not.
 */
export function mayHaveActed(failure: Failure): boolean {
	switch (failure.kind) {
		case 'network':
			return networkReason(failure.cause).code !== 'ECONNREFUSED';
		case 'http':
			return failure.httpStatus >= 500;
		case 'notJson':
		case 'badData':
			return true;
		case 'refused':
		case 'redirect':
			return false;
	}
}

const failures = new WeakMap<object, Failure>();

/** Remembers which failure an error was built from. */
export function markOutcome<E extends object>(error: E, failure: Failure): E {
	failures.set(error, failure);
	return error;
}

function failureOf(error: unknown): Failure | undefined {
	return typeof error === 'object' && error !== null ? failures.get(error) : undefined;
}

/** Whether a request failed in a way that leaves unknown whether the service acted on it. */
export function outcomeUnknown(error: unknown): boolean {
	const failure = failureOf(error);
	return failure !== undefined && mayHaveActed(failure);
}

/** Whether the service answered the request and said no (a status other than 200). */
export function refusedByService(error: unknown): boolean {
	return failureOf(error)?.kind === 'refused';
}
