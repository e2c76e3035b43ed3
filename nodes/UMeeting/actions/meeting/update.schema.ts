import { updateSchemaFor } from './shared/updateMeeting.schema';

/** share/update: the settings Update can change besides topic, start, duration and recurrence. */
export const UPDATE_OPTIONS = [
	'allowLiveStreaming',
	'hostName',
	'muteUponEntry',
	'password',
	'recording',
	'userKey',
	'waitingRoom',
] as const;

export const updateSchema = updateSchemaFor(UPDATE_OPTIONS);
