import { stopMeetingOperation } from '../meeting/shared/stopMeeting';
import { PERSONAL_MEETINGS } from './family';

export const { description, prepare } = stopMeetingOperation(PERSONAL_MEETINGS, {
	operation: 'end',
	done: 'ended',
	locatorDescription: 'Ends the personal meeting now, for everyone in it',
});

export const changesMeetings = true;
