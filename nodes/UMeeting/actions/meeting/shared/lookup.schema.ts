import { z } from 'zod';

import { meetingRef } from './meetingLocator';
import { zoneParameters } from './zones';

/** Get: one meeting, and the zones its times are read and shown in. */
export const lookupSchema = z.object({ meetingId: meetingRef(), ...zoneParameters });

/** End and delete: a meeting number, or one occurrence of a series. */
export const meetingOrOccurrenceSchema = z.object({ meetingId: meetingRef(true) });
