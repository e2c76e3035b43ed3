import { SCHEDULE_OPTIONS, scheduleSchema } from './schedule.schema';
import { ROOM_MEETINGS } from './shared/family';
import { scheduleOperation } from './shared/scheduleMeeting';

export const { description, prepare } = scheduleOperation(ROOM_MEETINGS, {
	options: SCHEDULE_OPTIONS,
	schema: scheduleSchema,
});

export const changesMeetings = true;
