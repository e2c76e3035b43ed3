import { z } from 'zod';

import { meetingMinutes, wholeNumber } from '../../helpers/fieldSchemas';
import { toServiceTime } from '../../helpers/time';
import { zoneParameters, zonesOf } from '../../meetings/zones';

/**
 * share/freeRooms: the capacity, start and duration of a meeting someone wants to book, checked
 * with the rules of Schedule (capacity at least 1, duration over 30 minutes) and mapped to the form.
 * The start is meant in the item zone and sent as the service zone's text for the same instant.
 */
export const checkAvailabilitySchema = z
	.object({
		meetingCapacity: wholeNumber({ min: 1 }),
		startTime: z.unknown(),
		duration: meetingMinutes({ greaterThan: 30 }),
		...zoneParameters,
	})
	.transform((params, ctx) => {
		const zones = zonesOf(params);
		const start = toServiceTime(params.startTime, zones);
		if (!start.ok) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['startTime'], message: start.reason });
			return z.NEVER;
		}
		const form: Record<string, string> = {
			meeting_capacity: String(params.meetingCapacity),
			start_time: start.value,
			duration: String(params.duration),
		};
		return { form, zones, meetingCapacity: params.meetingCapacity, duration: params.duration };
	});
