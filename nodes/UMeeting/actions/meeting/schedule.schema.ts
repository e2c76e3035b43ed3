import { z } from 'zod';

import { count, idText } from '../../helpers/answerFields';
import { flag, oneOf, text, timeZoneChoice, wholeNumber } from '../../helpers/fieldSchemas';
import { toServiceTime } from '../../helpers/time';

/**
 * share/schedule: one schema that checks every parameter of the Schedule operation and maps it
 * to the form body the service reads. Parameter names are the node's (stored in workflows);
 * wire names are the API's.
 */

const WEBINAR_EXCLUDED = 'is not available for webinars: remove it or turn off Enable Webinar';

const OPTIONAL_FIELDS = {
	password: { wire: 'password', schema: text() },
	userKey: { wire: 'user_key', schema: text({ maxBytes: 200 }) },
	muteUponEntry: { wire: 'mute_upon_entry', schema: flag, notForWebinar: true },
	usePmi: { wire: 'use_pmi', schema: flag },
	hostVideo: { wire: 'option_host_video', schema: flag, notForWebinar: true },
	participantsVideo: { wire: 'option_participants_video', schema: flag, notForWebinar: true },
	recording: { wire: 'recording', schema: oneOf(['cloud', 'none']) },
	hostName: { wire: 'host_name', schema: text() },
	allowLiveStreaming: { wire: 'allow_live_streaming', schema: flag, notForWebinar: true },
	waitingRoom: { wire: 'waiting_room', schema: flag, notForWebinar: true },
	enableWebinar: { wire: 'enable_webinar', schema: flag },
} as const;

type OptionalField = keyof typeof OPTIONAL_FIELDS;

const additionalFields = z
	.object(
		Object.fromEntries(
			Object.entries(OPTIONAL_FIELDS).map(([name, field]) => [name, field.schema.optional()]),
		) as { [K in OptionalField]: z.ZodOptional<(typeof OPTIONAL_FIELDS)[K]['schema']> },
	)
	.strict();

/** The manual numbers weekdays 1 (Monday) to 7 (Sunday): "1,3" repeats on Monday and Wednesday. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

const weekday = z.unknown().transform((value, ctx) => {
	const byName = typeof value === 'string' ? WEEKDAYS.indexOf(value.trim().toLowerCase() as never) : -1;
	if (byName >= 0) return byName + 1;
	const number = typeof value === 'string' && /^\s*\d\s*$/.test(value) ? Number(value) : value;
	if (typeof number === 'number' && Number.isInteger(number) && number >= 1 && number <= 7) return number;
	ctx.addIssue({
		code: z.ZodIssueCode.custom,
		message: `must be a weekday name or a number from 1 (Monday) to 7 (Sunday) (got ${JSON.stringify(value)})`,
	});
	return z.NEVER;
});

const weekdayList = z
	.union([z.array(z.unknown()), z.string().transform((s) => s.split(',').filter((d) => d.trim() !== ''))])
	.pipe(z.array(weekday).min(1, { message: 'needs at least one weekday' }))
	.transform((days) => [...new Set(days)].sort((a, b) => a - b).join(','));

const ending = {
	endBy: oneOf(['times', 'date']).default('times'),
	endTimes: z.unknown(),
	endDateTime: z.unknown(),
};

const recurrenceTypes = [
	z.object({
		type: z.literal('daily'),
		dailyType: oneOf(['everyDay', 'weekdays']).default('everyDay'),
		...ending,
	}),
	z.object({ type: z.literal('weekly'), weeklyDays: weekdayList, ...ending }),
	z.object({
		type: z.literal('monthlyDay'),
		monthlyDay: wholeNumber({ min: 1, max: 31 }),
		...ending,
	}),
	z.object({
		type: z.literal('monthlyWeekday'),
		monthlyWeek: wholeNumber({ min: 1, max: 5 }),
		monthlyWeekDay: weekday,
		...ending,
	}),
] as const;

type RecurrenceRule = z.output<(typeof recurrenceTypes)[number]>;

const recurrenceRule = z.discriminatedUnion('type', [...recurrenceTypes], {
	errorMap: (issue, ctx) =>
		issue.code === z.ZodIssueCode.invalid_union_discriminator
			? { message: 'must be one of "daily", "weekly", "monthlyDay", "monthlyWeekday"' }
			: { message: ctx.defaultError },
});

/** How each recurrence type is written on the wire (recurrence_type 1 daily, 2 weekly, 3 monthly). */
const RECURRENCE_WIRE: {
	[T in RecurrenceRule['type']]: (rule: Extract<RecurrenceRule, { type: T }>) => Record<string, string>;
} = {
	daily: (rule) => ({ recurrence_type: '1', daily_type: rule.dailyType === 'weekdays' ? '2' : '1' }),
	weekly: (rule) => ({ recurrence_type: '2', weekly_days: rule.weeklyDays }),
	// The service lets monthly_day win over monthly_week; sending only one keeps the meaning plain.
	monthlyDay: (rule) => ({ recurrence_type: '3', monthly_day: String(rule.monthlyDay) }),
	monthlyWeekday: (rule) => ({
		recurrence_type: '3',
		monthly_week: String(rule.monthlyWeek),
		monthly_week_day: String(rule.monthlyWeekDay),
	}),
};

const endTimes = wholeNumber({ min: 1 });

export const scheduleSchema = z
	.object({
		topic: text({ required: true }),
		meetingCapacity: wholeNumber({ min: 1 }),
		startTime: z.unknown(),
		duration: wholeNumber({ greaterThan: 30 }),
		timeZone: timeZoneChoice,
		/** The zone n8n runs this workflow in, used when Time Zone is left blank. */
		workflowTimeZone: z.string(),
		additionalFields: additionalFields.default({}),
		recurrence: z.object({ rule: recurrenceRule.optional() }).strict().default({}),
	})
	.transform((params, ctx) => {
		const zone = params.timeZone ?? params.workflowTimeZone;
		const start = toServiceTime(params.startTime, zone);
		if (!start.ok) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['startTime'], message: start.reason });
			return z.NEVER;
		}
		const body: Record<string, string> = {
			topic: params.topic,
			meeting_capacity: String(params.meetingCapacity),
			start_time: start.value,
			duration: String(params.duration),
		};

		const webinar = params.additionalFields.enableWebinar === 'true';
		for (const [name, value] of Object.entries(params.additionalFields)) {
			const field = OPTIONAL_FIELDS[name as OptionalField];
			if (value === undefined || value === '') continue;
			if (webinar && 'notForWebinar' in field && value === 'true') {
				ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['additionalFields', name], message: WEBINAR_EXCLUDED });
			}
			body[field.wire] = String(value);
		}

		const rule = params.recurrence.rule;
		if (rule) {
			const wire = RECURRENCE_WIRE[rule.type] as (r: RecurrenceRule) => Record<string, string>;
			Object.assign(body, wire(rule), recurrenceEnd(rule, zone, start.value, ctx));
		}
		return body;
	});

/** The manual lets end_date_time win over end_times; the node sends only the one the user chose. */
function recurrenceEnd(
	rule: RecurrenceRule,
	zone: string,
	start: string,
	ctx: z.RefinementCtx,
): Record<string, string> {
	const path = ['recurrence', 'rule'];
	if (rule.endBy === 'times') {
		const parsed = endTimes.safeParse(rule.endTimes);
		if (parsed.success) return { end_times: String(parsed.data) };
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, 'endTimes'], message: parsed.error.issues[0].message });
		return {};
	}
	const end = toServiceTime(rule.endDateTime, zone);
	if (!end.ok) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, 'endDateTime'], message: end.reason });
		return {};
	}
	// Both texts are in the same zone and format, so text order is time order.
	if (end.value <= start) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: [...path, 'endDateTime'],
			message: `must be after the start time ${start} (got ${end.value})`,
		});
		return {};
	}
	return { end_date_time: end.value };
}

export type ScheduleForm = z.output<typeof scheduleSchema>;

/**
 * The `data` of a schedule answer: a meeting ID and a join URL are what every caller relies on;
 * numbers the docs show both ways are normalised; fields not listed pass through unchanged.
 */
export const scheduleAnswer = z
	.object({
		meeting_id: idText,
		join_url: z.string().min(1),
		host_key: idText.optional(),
		host_id: idText.optional(),
		live_id: idText.optional(),
		ready_time: count.optional(),
		occurrences: z
			.array(z.object({ start_time: z.string(), uuid: idText }).passthrough())
			.optional(),
	})
	.passthrough();
