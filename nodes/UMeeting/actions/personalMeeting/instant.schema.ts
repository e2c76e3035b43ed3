import { instantSchemaFor, type InstantSpec } from '../meeting/shared/instantMeeting.schema';
import { PERSONAL_MEETINGS } from './family';

/**
 * private/instant: besides topic and host, a start time and a duration, both optional, and the
 * personal settings. Its manual sets no minimum duration here, unlike for scheduled meetings.
 */
export const INSTANT: InstantSpec = {
	options: ['muteUponEntry', 'password', 'webinar'],
	durationOver30: false,
	startTime: true,
};

export const instantSchema = instantSchemaFor(PERSONAL_MEETINGS, INSTANT);
