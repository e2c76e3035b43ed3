import { stopMeetingOperation } from '../meeting/shared/stopMeeting';
import { PERSONAL_MEETINGS } from './family';

// No Attach Cancellation (.ics) yet; `cancellation: true` would add it, reading private/get first
// as Meeting → Delete does.
export const { description, prepare } = stopMeetingOperation(PERSONAL_MEETINGS, {
	operation: 'delete',
	done: 'deleted',
	locatorDescription: 'Cancels the personal meeting for good; its join link stops working',
});

export const changesMeetings = true;
