import { INSTANT, instantSchema } from './instant.schema';
import { ROOM_MEETINGS } from './shared/family';
import { instantOperation } from './shared/instantMeeting';

export const { description, prepare } = instantOperation(ROOM_MEETINGS, {
	...INSTANT,
	invitation: true,
	schema: instantSchema,
});

export const changesMeetings = true;
