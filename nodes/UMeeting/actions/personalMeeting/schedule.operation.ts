import { scheduleOperation } from '../meeting/shared/scheduleMeeting';
import { PERSONAL_MEETINGS } from './family';
import { SCHEDULE_OPTIONS, scheduleSchema } from './schedule.schema';

export const { description, prepare } = scheduleOperation(PERSONAL_MEETINGS, {
	options: SCHEDULE_OPTIONS,
	schema: scheduleSchema,
});

export const changesMeetings = true;
