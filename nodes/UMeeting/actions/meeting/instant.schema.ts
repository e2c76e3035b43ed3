import { ROOM_MEETINGS } from './shared/family';
import { instantSchemaFor, type InstantSpec } from './shared/instantMeeting.schema';

/** share/instant: the settings Start Instant Meeting takes besides topic and capacity. */
export const INSTANT: InstantSpec = {
	options: [
		'allowLiveStreaming',
		'hostName',
		'hostVideo',
		'joinBeforeHost',
		'muteUponEntry',
		'participantsVideo',
		'recording',
		'usePmi',
		'userKey',
		'waitingRoom',
	],
	durationOver30: true,
	startTime: false,
};

export const instantSchema = instantSchemaFor(ROOM_MEETINGS, INSTANT);
