import { z } from 'zod';

import { timeZoneChoice, text, wholeNumber } from '../../helpers/fieldSchemas';
import { toServiceTime } from '../../helpers/time';
import { meetingOptions, optionsToForm } from './shared/meetingOptions.schema';
import { recurrenceRule, recurrenceToForm } from './shared/recurrence.schema';

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
		timeZone: timeZoneChoice,
		/** The zone n8n runs this workflow in, used when Time Zone is left blank. */
		workflowTimeZone: z.string(),
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
	.transform((params, ctx): Record<string, string> => {
		const zone = params.timeZone ?? params.workflowTimeZone;
		const start = toServiceTime(params.startTime, zone);
		if (!start.ok) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['startTime'], message: start.reason });
			return z.NEVER;
		}
		const rule = params.recurrence.rule;
		return {
			topic: params.topic,
			meeting_capacity: String(params.meetingCapacity),
			start_time: start.value,
			duration: String(params.duration),
			...optionsToForm(params.additionalFields, 'additionalFields', ctx),
			...(rule ? recurrenceToForm(rule, zone, start.value, ctx) : {}),
		};
	});
