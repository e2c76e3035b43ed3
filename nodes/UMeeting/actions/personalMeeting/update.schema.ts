import { updateSchemaFor } from '../meeting/shared/updateMeeting.schema';

/** private/update: the settings it can change besides topic, start and duration. */
export const UPDATE_OPTIONS = ['muteUponEntry', 'password'] as const;

export const updateSchema = updateSchemaFor(UPDATE_OPTIONS);
