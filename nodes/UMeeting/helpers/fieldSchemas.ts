import { z } from 'zod';

import { describeValue } from './time';
import { isValidTimeZone } from './timeZones';

/**
 * Building blocks shared by the endpoint schemas. Each one accepts what n8n can hand over for a
 * field (a typed value, or the string an expression produced) and yields the value the UMeeting
 * form body carries: decimal strings for numbers, "true"/"false" for flags.
 */

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Longest meeting the node books, in minutes. The manual names a minimum only; a meeting is a
 * meeting of hours, and one longer than a day would overlap the next meeting of a daily series.
 * It also keeps every end time a date a calendar can hold (9e15 minutes is not one).
 */
export const MAX_MEETING_MINUTES = 24 * 60;

/** Duration in minutes: a whole number above the endpoint's minimum and at most MAX_MEETING_MINUTES. */
export function meetingMinutes(minimum: { min: number } | { greaterThan: number }) {
	return wholeNumber({ ...minimum, max: MAX_MEETING_MINUTES });
}

export function wholeNumber(rule: { min?: number; max?: number; greaterThan?: number }) {
	return z.unknown().transform((value, ctx) => {
		if (isBlank(value)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is required' });
			return z.NEVER;
		}
		const number =
			typeof value === 'number'
				? value
				: typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)
					? Number(value)
					: Number.NaN;
		if (!Number.isInteger(number)) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `must be a whole number (got ${describeValue(value)})`,
			});
			return z.NEVER;
		}
		// Beyond this, numbers lose digits and print as "1e+21", which no service reads as an integer.
		if (!Number.isSafeInteger(number)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `is too large (got ${describeValue(value)})` });
			return z.NEVER;
		}
		const broken =
			(rule.min !== undefined && number < rule.min) ||
			(rule.max !== undefined && number > rule.max) ||
			(rule.greaterThan !== undefined && number <= rule.greaterThan);
		if (broken) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `${describeRange(rule, number)} (got ${number})`,
			});
			return z.NEVER;
		}
		return number;
	});
}

function describeRange(
	{ min, max, greaterThan }: { min?: number; max?: number; greaterThan?: number },
	number: number,
) {
	if (greaterThan !== undefined) {
		return max !== undefined && number > max
			? `must be at most ${max}`
			: `must be greater than ${greaterThan}`;
	}
	if (min !== undefined && max !== undefined) return `must be between ${min} and ${max}`;
	if (min !== undefined) return `must be at least ${min}`;
	return `must be at most ${max}`;
}

/** Free text; numbers from expressions are accepted as their decimal text. */
export function text(rule: { required?: boolean; maxBytes?: number } = {}) {
	return z.unknown().transform((value, ctx) => {
		if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
		if (value === undefined || value === null) value = '';
		if (typeof value !== 'string') {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be text (got ${describeValue(value)})` });
			return z.NEVER;
		}
		if (rule.required && value.trim() === '') {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is required and cannot be empty' });
			return z.NEVER;
		}
		const bytes = utf8Length(value);
		if (rule.maxBytes !== undefined && bytes > rule.maxBytes) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `must be at most ${rule.maxBytes} bytes in UTF-8 (got ${bytes} bytes; a Chinese character takes 3)`,
			});
			return z.NEVER;
		}
		return value;
	});
}

/** A yes/no option, sent as the strings the service expects. */
export const flag = z.unknown().transform((value, ctx) => {
	if (value === true || value === 'true') return 'true';
	if (value === false || value === 'false') return 'false';
	ctx.addIssue({
		code: z.ZodIssueCode.custom,
		message: `must be true or false (got ${describeValue(value)})`,
	});
	return z.NEVER;
});

export function oneOf<T extends string>(values: readonly [T, ...T[]]) {
	return z.unknown().transform((value, ctx) => {
		if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `must be one of ${values.map((v) => `"${v}"`).join(', ')} (got ${describeValue(value)})`,
		});
		return z.NEVER;
	});
}

/** Byte length of a string once encoded as UTF-8, the unit the service limits user_key by. */
export function utf8Length(value: string): number {
	let bytes = 0;
	for (const char of value) {
		const code = char.codePointAt(0) ?? 0;
		bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
	}
	return bytes;
}

/** A time-zone choice; blank (an expression that gave nothing) means the workflow's zone. */
export const timeZoneChoice = z.unknown().transform((value, ctx) => {
	if (isBlank(value)) return undefined;
	const zone = typeof value === 'string' ? value.trim() : undefined;
	if (zone && isValidTimeZone(zone)) return zone;
	ctx.addIssue({
		code: z.ZodIssueCode.custom,
		message: `must be an IANA time zone such as "Asia/Shanghai" (got ${describeValue(value)})`,
	});
	return z.NEVER;
});
