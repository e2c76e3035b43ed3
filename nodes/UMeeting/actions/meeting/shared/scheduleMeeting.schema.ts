import { z } from 'zod';

import { text, meetingMinutes } from '../../../helpers/fieldSchemas';
import { toServiceTime } from '../../../helpers/time';
import type { MeetingFamily } from './family';
import { type MeetingOption, meetingOptions, optionsToForm } from './meetingOptions.schema';
import { recurrenceRule, recurrenceToForm } from './recurrence.schema';
import { zoneParameters, zonesOf } from '../../../meetings/zones';

/**
 * The schema of a family's schedule endpoint: checks every parameter of its Schedule operation and
 * maps it to the form body the service reads. Parameter names are the node's (stored in workflows);
 * wire names are the API's. The owner (capacity or personal account) is the family's; a recurrence
 * is read only where the operation passes one.
 */
export function scheduleSchemaFor(family: MeetingFamily, options: readonly MeetingOption[]) {
	const { owner } = family;
	return z
		.object({
			topic: text({ required: true }),
			// Checked under the owner's own parameter name, so that an error names its field.
			...({ [owner.field.name]: owner.schema } as Record<never, never>),
			startTime: z.unknown(),
			duration: meetingMinutes({ greaterThan: 30 }),
			...zoneParameters,
			additionalFields: meetingOptions(options).default({}),
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
				[owner.wire]: String((params as Record<string, unknown>)[owner.field.name]),
				start_time: start.value,
				duration: String(params.duration),
				...optionsToForm(params.additionalFields, 'additionalFields', ctx),
				...(rule ? recurrenceToForm(rule, zones, start.value, ctx) : {}),
			};
			return { form, zones };
		});
}
