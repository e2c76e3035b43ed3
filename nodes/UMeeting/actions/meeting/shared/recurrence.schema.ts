import { z } from 'zod';

import { oneOf, wholeNumber } from '../../../helpers/fieldSchemas';
import { toServiceTime } from '../../../helpers/time';

/** The recurrence of a series, as schedule and update send it. */

/** The manual numbers weekdays 1 (Monday) to 7 (Sunday): "1,3" repeats on Monday and Wednesday. */
export const WEEKDAYS = [
	'monday',
	'tuesday',
	'wednesday',
	'thursday',
	'friday',
	'saturday',
	'sunday',
] as const;

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

export type RecurrenceRule = z.output<(typeof recurrenceTypes)[number]>;

export const recurrenceRule = z.discriminatedUnion('type', [...recurrenceTypes], {
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

/** The manual lets end_date_time win over end_times; the node sends only the one the user chose. */
function recurrenceEnd(
	rule: RecurrenceRule,
	zone: string,
	start: string | undefined,
	ctx: z.RefinementCtx,
): Record<string, string> {
	const path = ['recurrence', 'rule'];
	if (rule.endBy === 'times') {
		const parsed = endTimes.safeParse(rule.endTimes);
		if (parsed.success) return { end_times: String(parsed.data) };
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: [...path, 'endTimes'],
			message: parsed.error.issues[0].message,
		});
		return {};
	}
	const end = toServiceTime(rule.endDateTime, zone);
	if (!end.ok) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, 'endDateTime'], message: end.reason });
		return {};
	}
	// Both texts are in the same zone and format, so text order is time order. Without a start yet
	// (an update that first reads the meeting), the check waits for the second pass.
	if (start !== undefined && end.value <= start) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: [...path, 'endDateTime'],
			message: `must be after the start time ${start} (got ${end.value})`,
		});
		return {};
	}
	return { end_date_time: end.value };
}

/** The form fields of a recurrence: its kind, then how it ends (both sent in `zone`). */
export function recurrenceToForm(
	rule: RecurrenceRule,
	zone: string,
	start: string | undefined,
	ctx: z.RefinementCtx,
): Record<string, string> {
	const wire = RECURRENCE_WIRE[rule.type] as (r: RecurrenceRule) => Record<string, string>;
	return { ...wire(rule), ...recurrenceEnd(rule, zone, start, ctx) };
}
