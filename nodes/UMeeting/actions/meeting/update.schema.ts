import { z } from 'zod';

import { oneOf, text, wholeNumber } from '../../helpers/fieldSchemas';
import { toServiceTime } from '../../helpers/time';
import { meetingRef } from './shared/meetingLocator';
import { meetingOptions, optionsToForm } from './shared/meetingOptions.schema';
import { recurrenceRule, recurrenceToForm } from './shared/recurrence.schema';
import { zoneParameters, zonesOf } from './shared/zones';

/** share/update: the parameters of Update and their form body. */
export const UPDATE_OPTIONS = [
	'allowLiveStreaming',
	'hostName',
	'muteUponEntry',
	'password',
	'recording',
	'userKey',
	'waitingRoom',
] as const;

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

export const updateSchema = z
	.object({
		meetingId: meetingRef(),
		updateFields: meetingOptions(UPDATE_OPTIONS)
			.extend({
				topic: text({ required: true }).optional(),
				startTime: z.unknown().optional(),
				duration: wholeNumber({ greaterThan: 30 }).optional(),
			})
			.default({}),
		...zoneParameters,
		recurrenceChange: oneOf(['keep', 'set', 'remove']).default('keep'),
		recurrence: z.object({ rule: recurrenceRule.optional() }).strict().default({}),
		/** The meeting's current start and duration: the service requires both on every update. */
		current: z.object({ start_time: z.string(), duration: z.number() }).optional(),
	})
	.transform((params, ctx) => {
		const zones = zonesOf(params);
		const { topic, startTime, duration, ...options } = params.updateFields;
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
		const minutes = duration ?? params.current?.duration;
		const form: Record<string, string> = {
			id: params.meetingId,
			...(topic === undefined ? {} : { topic }),
			...(start === undefined ? {} : { start_time: start }),
			...(minutes === undefined ? {} : { duration: String(minutes) }),
			...optionsToForm(options, 'updateFields', ctx),
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
		return { form, zones };
	});
