import { ROOM_MEETINGS } from './shared/family';
import { stopMeetingOperation } from './shared/stopMeeting';

export const { description, prepare } = stopMeetingOperation(ROOM_MEETINGS, {
	operation: 'end',
	done: 'ended',
	locatorDescription:
		'Ends the meeting now, for everyone in it. Careful: a meeting number ends every meeting of a recurring series; use an occurrence uuid (from the occurrences of the schedule answer) to end just one.',
});

export const changesMeetings = true;
