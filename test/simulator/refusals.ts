/**
 * A refusal the service answers with HTTP 200 and its own status in the body, the way the manual
 * reports every failure: only the body's status tells the caller what went wrong.
 */
export class ServiceRefusal extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

/** A request breaking a rule the manual states: body status 400. */
export class ContractViolation extends ServiceRefusal {
	constructor(message: string) {
		super(400, message);
	}
}

export const MEETING_NOT_FOUND = 'meeting not found';

export function notFound(): ServiceRefusal {
	return new ServiceRefusal(404, MEETING_NOT_FOUND);
}
