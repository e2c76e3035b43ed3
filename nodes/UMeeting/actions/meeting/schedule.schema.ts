import { ROOM_MEETINGS } from './shared/family';
import { scheduleSchemaFor } from './shared/scheduleMeeting.schema';

/** share/schedule: the settings it takes besides topic, capacity, start, duration and recurrence. */
export const SCHEDULE_OPTIONS = [
	'password',
	'userKey',
	'muteUponEntry',
	'usePmi',
	'hostVideo',
	'participantsVideo',
	'recording',
	'hostName',
	'allowLiveStreaming',
	'waitingRoom',
	'enableWebinar',
] as const;

/** share/schedule: every parameter of Schedule checked and mapped to the form body. */
export const scheduleSchema = scheduleSchemaFor(ROOM_MEETINGS, SCHEDULE_OPTIONS);
