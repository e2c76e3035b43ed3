import type { ServiceClock } from '../clock';
import type { Form } from '../formRules';
import type { MeetingStatus, MeetingStore, StoredMeeting } from '../meetings';
import { notFound } from '../refusals';

export interface EndpointContext {
	store: MeetingStore;
	publicUrl: string;
	clock: ServiceClock;
	/** Values taken from the path, for the endpoints that carry one there. */
	pathParams: Record<string, string>;
}

/** Answers the response's data; undefined for endpoints whose answer has none. */
export type Endpoint = (form: Form, context: EndpointContext) => unknown;

export const CREDENTIALS = ['api_key', 'api_secret'];

/** How refusals describe a meeting that is past being scheduled. */
export const STATE_PHRASE: Record<Exclude<MeetingStatus, 0>, string> = {
	1: 'is in progress',
	2: 'was cancelled',
	3: 'has ended',
};

export function findMeeting(context: EndpointContext, id: string): StoredMeeting {
	const meeting = context.store.get(id);
	if (!meeting) throw notFound();
	return meeting;
}
