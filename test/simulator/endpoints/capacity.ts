import { type Form, integer, onlyKeys } from '../formRules';
import { ContractViolation } from '../refusals';
import { CREDENTIALS, type EndpointContext, findMeeting, STATE_PHRASE } from './context';

/** The meeting number comes in the path (see the route in index.ts), the new capacity in the form. */
export function resetCapacity(form: Form, context: EndpointContext) {
	onlyKeys(form, [...CREDENTIALS, 'meeting_capacity']);
	const capacity = integer(form, 'meeting_capacity', { min: 1, required: true })!;
	const meeting = findMeeting(context, context.pathParams.meetingId);
	if (meeting.status === 2 || meeting.status === 3) {
		throw new ContractViolation(`cannot change the capacity: the meeting ${STATE_PHRASE[meeting.status]}`);
	}
	meeting.meeting_capacity = capacity;
	// The manual's answer carries an explicit null here, unlike update, end and delete.
	return null;
}
