import { z } from 'zod';

import { oneOf, wholeNumber } from '../../../helpers/fieldSchemas';
import { firstMeetingOf } from '../../../helpers/ics';
import { readServiceTime, toServiceTime, type TimeZones } from '../../../helpers/time';

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

/**
 * How each recurrence type is written on the wire (recurrence_type 1 daily, 2 weekly, 3 monthly).
 * A person picks days on the calendar of the item zone; the service repeats on the calendar of its
 * own zone. `shift` is how many days the start's date in the service zone lies after its date in
 * the item zone (a New York evening is the next morning in Beijing): days are moved by it, and a
 * rule the service's calendar cannot say exactly is refused rather than booked on other days.
 */
const RECURRENCE_WIRE: {
	[T in RecurrenceRule['type']]: (
		rule: Extract<RecurrenceRule, { type: T }>,
		shift: number,
		refuse: (field: string, message: string) => Record<string, string>,
	) => Record<string, string>;
} = {
	daily: (rule, shift): Record<string, string> => {
		if (rule.dailyType !== 'weekdays') return { recurrence_type: '1', daily_type: '1' };
		if (shift === 0) return { recurrence_type: '1', daily_type: '2' };
		return { recurrence_type: '2', weekly_days: shiftWeekdays([1, 2, 3, 4, 5], shift) };
	},
	weekly: (rule, shift) => ({
		recurrence_type: '2',
		weekly_days: shiftWeekdays(rule.weeklyDays.split(',').map(Number), shift),
	}),
	// The service lets monthly_day win over monthly_week; sending only one keeps the meaning plain.
	monthlyDay: (rule, shift, refuse) => {
		const day = rule.monthlyDay + shift;
		// Days up to 28 exist in every month, so only there is a shifted day the same meetings.
		if (shift !== 0 && (day < 1 || day > 28 || rule.monthlyDay > 28)) {
			return refuse(
				'monthlyDay',
				`day ${rule.monthlyDay} at this time falls on day ${day < 1 ? 'the last of the month before' : day} in the service's time zone, which does not repeat on the same meetings every month: pick a start time that is on the same date in both zones, or set Time Zone to the service's zone`,
			);
		}
		return { recurrence_type: '3', monthly_day: String(day) };
	},
	monthlyWeekday: (rule, shift, refuse) => {
		if (shift !== 0) {
			return refuse(
				'monthlyWeekDay',
				"at this time is on another date in the service's time zone, where the Nth weekday of a month is not always the next day of the Nth weekday here: pick a start time that is on the same date in both zones, or set Time Zone to the service's zone",
			);
		}
		return {
			recurrence_type: '3',
			monthly_week: String(rule.monthlyWeek),
			monthly_week_day: String(rule.monthlyWeekDay),
		};
	},
};

/** Weekdays 1 (Monday) to 7 (Sunday) moved by `shift` days, sorted, as the service's list. */
function shiftWeekdays(days: number[], shift: number): string {
	const moved = days.map((day) => ((((day - 1 + shift) % 7) + 7) % 7) + 1);
	return [...new Set(moved)].sort((a, b) => a - b).join(',');
}

/** Days the start's date in the service zone lies after its date in the item zone. */
export function dayShift(start: string | undefined, zones: TimeZones): number {
	const instant = start === undefined ? null : readServiceTime(start, zones.service);
	if (!instant) return 0;
	const there = instant.setZone(zones.service);
	const here = instant.setZone(zones.item);
	return Math.round(
		(Date.UTC(there.year, there.month - 1, there.day) - Date.UTC(here.year, here.month - 1, here.day)) /
			86_400_000,
	);
}

const endTimes = wholeNumber({ min: 1 });

/** The manual lets end_date_time win over end_times; the node sends only the one the user chose. */
function recurrenceEnd(
	rule: RecurrenceRule,
	zones: TimeZones,
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
	const end = toServiceTime(rule.endDateTime, zones);
	if (!end.ok) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, 'endDateTime'], message: end.reason });
		return {};
	}
	// Both texts are in the service zone and format, so text order is time order. Without a start yet
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

/** The form fields of a recurrence: its kind, then how it ends (an end date written in the service zone). */
export function recurrenceToForm(
	rule: RecurrenceRule,
	zones: TimeZones,
	start: string | undefined,
	ctx: z.RefinementCtx,
): Record<string, string> {
	const wire = RECURRENCE_WIRE[rule.type] as (
		r: RecurrenceRule,
		shift: number,
		refuse: (field: string, message: string) => Record<string, string>,
	) => Record<string, string>;
	const refuse = (field: string, message: string) => {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['recurrence', 'rule', field], message });
		return {};
	};
	const form = { ...wire(rule, dayShift(start, zones), refuse), ...recurrenceEnd(rule, zones, start, ctx) };
	// An end date before the first matching day leaves a series the service books with no meeting.
	if (start !== undefined && form.recurrence_type && form.end_date_time && !firstMeetingOf(start, form)) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['recurrence', 'rule', 'endDateTime'],
			message: `leaves the series without a meeting: no day from the start ${start} to the end ${form.end_date_time} (both in the service's time zone ${zones.service}) is one the rule repeats on`,
		});
	}
	return form;
}
