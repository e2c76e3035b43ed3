import { ROOM_MEETINGS } from './shared/family';
import { updateOperation } from './shared/updateMeeting';
import { UPDATE_OPTIONS, updateSchema } from './update.schema';

export const { description, prepare } = updateOperation(ROOM_MEETINGS, {
	options: UPDATE_OPTIONS,
	topicRequired: false,
	schema: updateSchema,
});

export const changesMeetings = true;
