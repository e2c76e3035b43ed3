import { updateOperation } from '../meeting/shared/updateMeeting';
import { PERSONAL_MEETINGS } from './family';
import { UPDATE_OPTIONS, updateSchema } from './update.schema';

// private/update requires the topic as well as the start and the duration.
export const { description, prepare } = updateOperation(PERSONAL_MEETINGS, {
	options: UPDATE_OPTIONS,
	topicRequired: true,
	schema: updateSchema,
});

export const changesMeetings = true;
