import { z } from 'zod';

import { oneOf, text, meetingMinutes } from '../../../helpers/fieldSchemas';
import { toServiceTime } from '../../../helpers/time';
import { meetingRef } from './meetingLocator';
import { type MeetingOption, meetingOptions, optionsToForm } from './meetingOptions.schema';
import { recurrenceRule, recurrenceToForm } from './recurrence.schema';
import { zoneParameters, zonesOf } from '../../../meetings/zones';

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * The schema of a family's update endpoint: the parameters of Update and their form body. The
 * endpoint needs some fields on every update (start time and duration; the personal one the topic
 * too): those the user leaves out come from `current`, the meeting as read before, in a second pass.
 */
export function updateSchemaFor(options: readonly MeetingOption[]) {
	return z
		.object({
			meetingId: meetingRef(),
			updateFields: meetingOptions(options)
				.extend({
					topic: text({ required: true }).optional(),
					startTime: z.unknown().optional(),
					duration: meetingMinutes({ greaterThan: 30 }).optional(),
				})
				.default({}),
			...zoneParameters,
			recurrenceChange: oneOf(['keep', 'set', 'remove']).default('keep'),
			recurrence: z.object({ rule: recurrenceRule.optional() }).strict().default({}),
			/** What the service requires on every update, as the meeting has it now. */
			current: z
				.object({ start_time: z.string(), duration: z.number(), topic: z.string().optional() })
				.optional(),
		})
		.transform((params, ctx) => {
			const zones = zonesOf(params);
			const { topic: newTopic, startTime, duration, ...changes } = params.updateFields;
			let start = params.current?.start_time;
			if (!isBlank(startTime)) {
				const converted = toServiceTime(startTime, zones);
				if (!converted.ok) {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['updateFields', 'startTime'],
						message: converted.reason,
					});
					return z.NEVER;
				}
				start = converted.value;
			}
			const topic = newTopic ?? params.current?.topic;
			const minutes = duration ?? params.current?.duration;
			const form: Record<string, string> = {
				id: params.meetingId,
				...(topic === undefined ? {} : { topic }),
				...(start === undefined ? {} : { start_time: start }),
				...(minutes === undefined ? {} : { duration: String(minutes) }),
				...optionsToForm(changes, 'updateFields', ctx),
			};
			const rule = params.recurrence.rule;
			if (params.recurrenceChange === 'set' && !rule) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['recurrence'],
					message: 'is needed to set a recurrence',
				});
			}
			if (params.recurrenceChange === 'set' && rule)
				Object.assign(form, recurrenceToForm(rule, zones, start, ctx));
			// The manual: an empty recurrence_type turns a series back into a single meeting.
			if (params.recurrenceChange === 'remove') form.recurrence_type = '';
			return { form, zones, recurrenceChange: params.recurrenceChange };
		});
}
