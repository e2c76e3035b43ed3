import { type Form, onlyKeys, requireText } from '../formRules';
import type { MeetingStatus } from '../meetings';
import { ContractViolation, notFound } from '../refusals';
import { holdEnded } from '../sessions';
import { CREDENTIALS, type EndpointContext } from './context';

const ALREADY: Partial<Record<MeetingStatus, string>> = { 2: 'already cancelled', 3: 'already ended' };

/**
 * End and delete take a meeting number, which acts on the meeting or on its whole series, or the
 * uuid of one occurrence, which acts on that occurrence alone. Deleting a meeting that has ended
 * removes its record (del_flag 1) and keeps it ended; deleting one still to come cancels it.
 */
function closer(status: 2 | 3) {
	return (form: Form, { store }: EndpointContext) => {
		onlyKeys(form, [...CREDENTIALS, 'id']);
		const id = requireText(form, 'id');
		const meeting = store.get(id);
		if (meeting) {
			if (meeting.deleted) throw new ContractViolation('meeting already deleted');
			if (status === 2 && meeting.status === 3) {
				meeting.deleted = true;
				return;
			}
			refuseClosed('meeting', meeting.status);
			meeting.status = status;
			meeting.deleted = status === 2;
			return;
		}
		const found = store.findOccurrence(id);
		if (!found) throw notFound();
		refuseClosed('meeting', found.meeting.status);
		refuseClosed('occurrence', found.occurrence.status);
		found.occurrence.status = status;
	};
}

function refuseClosed(what: 'meeting' | 'occurrence', status: MeetingStatus) {
	const already = ALREADY[status];
	if (already) throw new ContractViolation(`${what} ${already}`);
}

const endMeeting = closer(3);

/** Ending also leaves the record of what was held: attendees and any cloud recording (sessions.ts). */
export function end(form: Form, context: EndpointContext) {
	endMeeting(form, context);
	holdEnded(form.id, context.store, context.clock, context.publicUrl);
}

export const remove = closer(2);
