import { z } from 'zod';

import { oneOf, text, wholeNumber } from '../../helpers/fieldSchemas';
import { MEETING_ID_PATTERN, meetingRef, OCCURRENCE_UUID_PATTERN } from '../meeting/shared/meetingLocator';
import { zoneParameters, zonesOf } from '../../meetings/zones';

/** Where Get Many reads the attendees: every held session of a meeting, or one held session. */
export const participantSourceSchema = z.object({ source: oneOf(['meeting', 'session'] as const) });

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

/**
 * The uuid of one held session. A meeting number is refused here rather than sent: the service
 * would only answer that it knows no such session.
 */
const sessionUuid = z.unknown().transform((value, ctx) => {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is required and cannot be empty' });
		return z.NEVER;
	}
	const uuid = typeof value === 'string' ? value.trim() : '';
	if (new RegExp(MEETING_ID_PATTERN).test(uuid)) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `must be the uuid of a held session, not a meeting number (got "${uuid}"); for a meeting number choose Attendees Of: Meeting`,
		});
		return z.NEVER;
	}
	if (new RegExp(OCCURRENCE_UUID_PATTERN).test(uuid)) return uuid;
	ctx.addIssue({
		code: z.ZodIssueCode.custom,
		message: `must be the uuid of one held session, such as the uuid of Get Meeting History (got ${JSON.stringify(value) ?? 'nothing'})`,
	});
	return z.NEVER;
});

/** share/participants: the uuid of one held session is the whole form. */
export const getSessionParticipantsSchema = z
	.object({
		sessionUuid,
		returnAll: z.boolean().default(false),
		limit: wholeNumber({ min: 1 }),
		...zoneParameters,
	})
	.transform(({ sessionUuid: uuid, returnAll, limit, ...zoneValues }) => ({
		form: { uuid },
		wanted: returnAll ? Number.POSITIVE_INFINITY : limit,
		zones: zonesOf(zoneValues),
	}));
