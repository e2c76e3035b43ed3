import { z } from 'zod';

import { timeZoneChoice } from '../../../helpers/fieldSchemas';
import { meetingRef } from './meetingLocator';

/** Operations that name one meeting and give back times: get, token and start URL. */
export const lookupSchema = z.object({ meetingId: meetingRef(), timeZone: timeZoneChoice });

/** End and delete: a meeting number, or one occurrence of a series. */
export const meetingOrOccurrenceSchema = z.object({ meetingId: meetingRef(true) });
