import { ROOM_MEETINGS } from './shared/family';
import { stopMeetingOperation } from './shared/stopMeeting';

export const { description, prepare } = stopMeetingOperation(ROOM_MEETINGS, {
	operation: 'delete',
	done: 'deleted',
	cancellation: true,
	locatorDescription:
		'Cancels the meeting for good; its join link stops working. Careful: a meeting number deletes every meeting of a recurring series; use an occurrence uuid (from the occurrences of the schedule answer) to delete just one.',
});

export const changesMeetings = true;
