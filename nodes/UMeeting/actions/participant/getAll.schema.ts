import { z } from 'zod';

import { text, wholeNumber } from '../../helpers/fieldSchemas';
import { meetingRef } from '../meeting/shared/meetingLocator';
import { zoneParameters, zonesOf } from '../meeting/shared/zones';

/**
 * share/meeting/{meetingId}/participants: the meeting number goes in the path, topic and host_id in
 * the form. Either may be left empty, for the node to look it up before asking.
 */
export const getParticipantsSchema = z
	.object({
		meetingId: meetingRef(),
		hostId: text(),
		meetingTopic: text(),
		returnAll: z.boolean().default(false),
		limit: wholeNumber({ min: 1 }),
		...zoneParameters,
	})
	.transform(({ meetingId, hostId, meetingTopic, returnAll, limit, ...zoneValues }) => ({
		meetingId,
		hostId: hostId.trim(),
		topic: meetingTopic.trim() === '' ? '' : meetingTopic,
		wanted: returnAll ? Number.POSITIVE_INFINITY : limit,
		zones: zonesOf(zoneValues),
	}));
