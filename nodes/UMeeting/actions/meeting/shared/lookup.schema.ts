import { z } from 'zod';

import { meetingRef } from './meetingLocator';
import { zoneParameters } from '../../../meetings/zones';

/** Get: one meeting, and the zones its times are read and shown in. */
export const lookupSchema = z.object({ meetingId: meetingRef(), ...zoneParameters });
