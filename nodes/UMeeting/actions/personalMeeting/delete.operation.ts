import { stopMeetingOperation } from '../meeting/shared/stopMeeting';
import { PERSONAL_MEETINGS } from './family';

export const { description, prepare } = stopMeetingOperation(PERSONAL_MEETINGS, {
	operation: 'delete',
	done: 'deleted',
	cancellation: true,
	locatorDescription: 'Cancels the personal meeting for good; its join link stops working',
});

export const changesMeetings = true;
