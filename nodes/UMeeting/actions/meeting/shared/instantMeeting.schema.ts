import { z } from 'zod';

import { meetingMinutes, text } from '../../../helpers/fieldSchemas';
import { toServiceTime } from '../../../helpers/time';
import type { MeetingFamily } from './family';
import { type MeetingOption, meetingOptions, optionsToForm } from './meetingOptions.schema';
import { zoneParameters, zonesOf } from '../../../meetings/zones';

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** What a family's instant endpoint takes besides topic and owner. */
export interface InstantSpec {
	options: readonly MeetingOption[];
	/** Whether the endpoint wants a duration over 30 minutes, as it does for scheduled meetings. */
	durationOver30: boolean;
	/** Whether it takes a start time to record the meeting with (sent in the service zone). */
	startTime: boolean;
}

/** The schema of a family's instant endpoint: the parameters of Start Instant Meeting and their form body. */
export function instantSchemaFor(family: MeetingFamily, spec: InstantSpec) {
	const { owner } = family;
	const own = {
		duration: meetingMinutes(spec.durationOver30 ? { greaterThan: 30 } : { min: 1 }).optional(),
		// Only where the endpoint takes it: elsewhere the strict collection refuses the key.
		...(spec.startTime ? { startTime: z.unknown().optional() } : {}),
	} as { duration: z.ZodOptional<ReturnType<typeof meetingMinutes>>; startTime: z.ZodOptional<z.ZodUnknown> };
	return z
		.object({
			topic: text({ required: true }),
			...({ [owner.field.name]: owner.schema } as Record<never, never>),
			...zoneParameters,
			additionalFields: meetingOptions(spec.options).extend(own).default({}),
		})
		.transform((params, ctx) => {
			const zones = zonesOf(params);
			const { duration, startTime, ...options } = params.additionalFields;
			const form: Record<string, string> = {
				topic: params.topic,
				[owner.wire]: String((params as Record<string, unknown>)[owner.field.name]),
				...(duration === undefined ? {} : { duration: String(duration) }),
				...optionsToForm(options, 'additionalFields', ctx),
			};
			if (!isBlank(startTime)) {
				const start = toServiceTime(startTime, zones);
				if (start.ok) form.start_time = start.value;
				else
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['additionalFields', 'startTime'],
						message: start.reason,
					});
			}
			return { form, zones };
		});
}
