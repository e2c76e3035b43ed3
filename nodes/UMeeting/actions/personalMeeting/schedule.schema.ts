import { scheduleSchemaFor } from '../meeting/shared/scheduleMeeting.schema';
import { PERSONAL_MEETINGS } from './family';

/** private/schedule: the settings it takes besides topic, host, start and duration. */
export const SCHEDULE_OPTIONS = ['password', 'muteUponEntry', 'webinar'] as const;

export const scheduleSchema = scheduleSchemaFor(PERSONAL_MEETINGS, SCHEDULE_OPTIONS);
