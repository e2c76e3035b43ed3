import { z } from 'zod';

import { wholeNumber } from '../../helpers/fieldSchemas';
import { toServiceTime } from '../../helpers/time';
import { meetingRef } from '../meeting/shared/meetingLocator';
import { zoneParameters, zonesOf } from '../../meetings/zones';

/**
 * cloud/recording: meeting_id is a meeting number or the uuid of one held session; start_time, the
 * earliest recording start wanted, is read in the item zone and sent as the service's text.
 */
export const getRecordingsSchema = z
	.object({
		meetingId: meetingRef(true),
		startTime: z.unknown(),
		returnAll: z.boolean().default(false),
		limit: wholeNumber({ min: 1 }),
		...zoneParameters,
	})
	.transform(({ meetingId, startTime, returnAll, limit, ...zoneValues }, ctx) => {
		const zones = zonesOf(zoneValues);
		const start = toServiceTime(startTime, zones);
		if (!start.ok) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['startTime'], message: start.reason });
			return z.NEVER;
		}
		return {
			form: { meeting_id: meetingId, start_time: start.value },
			wanted: returnAll ? Number.POSITIVE_INFINITY : limit,
			zones,
		};
	});
