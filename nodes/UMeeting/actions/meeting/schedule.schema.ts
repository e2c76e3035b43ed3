import { z } from 'zod';

import { text, wholeNumber } from '../../helpers/fieldSchemas';
import { toServiceTime } from '../../helpers/time';
import { meetingOptions, optionsToForm } from './shared/meetingOptions.schema';
import { recurrenceRule, recurrenceToForm } from './shared/recurrence.schema';
import { zoneParameters, zonesOf } from './shared/zones';

/**
 * share/schedule: one schema that checks every parameter of the Schedule operation and maps it
 * to the form body the service reads. Parameter names are the node's (stored in workflows);
 * wire names are the API's.
 */
export const scheduleSchema = z
	.object({
		topic: text({ required: true }),
		meetingCapacity: wholeNumber({ min: 1 }),
		startTime: z.unknown(),
		duration: wholeNumber({ greaterThan: 30 }),
		...zoneParameters,
		additionalFields: meetingOptions([
			'password',
			'userKey',
			'muteUponEntry',
			'usePmi',
			'hostVideo',
			'participantsVideo',
			'recording',
			'hostName',
			'allowLiveStreaming',
			'waitingRoom',
			'enableWebinar',
		]).default({}),
		recurrence: z.object({ rule: recurrenceRule.optional() }).strict().default({}),
	})
	.transform((params, ctx) => {
		const zones = zonesOf(params);
		const start = toServiceTime(params.startTime, zones);
		if (!start.ok) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['startTime'], message: start.reason });
			return z.NEVER;
		}
		const rule = params.recurrence.rule;
		const form: Record<string, string> = {
			topic: params.topic,
			meeting_capacity: String(params.meetingCapacity),
			start_time: start.value,
			duration: String(params.duration),
			...optionsToForm(params.additionalFields, 'additionalFields', ctx),
			...(rule ? recurrenceToForm(rule, zones, start.value, ctx) : {}),
		};
		return { form, zones };
	});
