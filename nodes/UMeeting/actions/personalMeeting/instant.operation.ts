import { instantOperation } from '../meeting/shared/instantMeeting';
import { PERSONAL_MEETINGS } from './family';
import { INSTANT, instantSchema } from './instant.schema';

// The answer has no start time, so no .ics here: Get (private/get) gives the file.
export const { description, prepare } = instantOperation(PERSONAL_MEETINGS, {
	...INSTANT,
	invitation: false,
	schema: instantSchema,
});

export const changesMeetings = true;
