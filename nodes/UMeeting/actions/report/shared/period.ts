import type { INodeProperties } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { z } from 'zod';

import { readServiceTime, toServiceTime, type TimeZones } from '../../../helpers/time';

/** The date format every statistics endpoint reads `from` and `to` in: days of the service's zone. */
export const SERVICE_DATE_FORMAT = 'yyyy-MM-dd';

const TIME_HELP =
	'A time without an offset (as the date picker gives) is meant in the Time Zone below; an ISO 8601 time with an offset or Z, or a DateTime such as {{ $now.minus(7, "days") }}, is that instant whatever the zones';

/**
 * Start Date and End Date of a report. UMeeting reports whole days of its own zone, so the node
 * asks for the service days that cover the period; see `servicePeriod`.
 */
export function periodFields(required: boolean): INodeProperties[] {
	const optional = required
		? ''
		: ". Leave both dates empty for the current day in UMeeting's zone, as the service does";
	return [
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			required,
			default: '',
			description: `Beginning of the period (included). ${TIME_HELP}${optional}.`,
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			required,
			default: '',
			description: `End of the period (excluded), at most one month after the start: UMeeting reports no more than a month at a time. ${TIME_HELP}.`,
		},
	];
}

/** Exact Period, of the operations that list meetings. */
export const exactPeriodField: INodeProperties = {
	displayName: 'Exact Period',
	name: 'exactPeriod',
	type: 'boolean',
	default: true,
	description:
		"Whether to keep only meetings that started between Start Date and End Date. UMeeting answers whole days of its own zone, which can hold meetings from before the start or after the end when the node's zone differs; turn off to keep every meeting of those days.",
};

/** The period as the service reads it, and the instants the person meant. */
export interface ServicePeriod {
	/** First service day, `yyyy-MM-dd`; undefined when the service's default (its current day) applies. */
	from?: string;
	/** Last service day (included), `yyyy-MM-dd`. */
	to?: string;
	/** The period's start, included. */
	start?: DateTime;
	/** The period's end, excluded. */
	end?: DateTime;
}

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Checks Start Date and End Date and turns them into the service days to ask for: `from` is the
 * service-zone day holding the start, `to` the service-zone day holding the last second before the
 * end. When the two zones differ the days asked for reach beyond the period (the Exact Period
 * option then drops what lies outside it). Refused: a missing date, an end not after the start,
 * and a period whose service days span more than one month (the service would silently keep only
 * the last month of it). With `required` false both dates may be left empty together.
 */
export function servicePeriod(
	parameters: { startDate?: unknown; endDate?: unknown },
	zones: TimeZones,
	required: boolean,
	ctx: z.RefinementCtx,
): ServicePeriod | undefined {
	const { startDate, endDate } = parameters;
	if (!required && isBlank(startDate) && isBlank(endDate)) return {};
	const start = readBound(startDate, 'startDate', zones, ctx);
	const end = readBound(endDate, 'endDate', zones, ctx);
	if (!start || !end) return undefined;
	if (end.toMillis() <= start.toMillis()) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['endDate'],
			message: `must be after Start Date (start ${show(start, zones)}, end ${show(end, zones)})`,
		});
		return undefined;
	}
	const from = start.setZone(zones.service).toFormat(SERVICE_DATE_FORMAT);
	const to = end.minus({ seconds: 1 }).setZone(zones.service).toFormat(SERVICE_DATE_FORMAT);
	const lastAllowed = serviceDay(from, zones.service).plus({ months: 1 });
	if (serviceDay(to, zones.service) > lastAllowed) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['endDate'],
			message: `must be at most one month after Start Date: the period covers UMeeting's days ${from} to ${to} (${zones.service}), and UMeeting reports only the last month of a longer period. Split it into months`,
		});
		return undefined;
	}
	return { from, to, start, end };
}

function readBound(
	value: unknown,
	field: 'startDate' | 'endDate',
	zones: TimeZones,
	ctx: z.RefinementCtx,
): DateTime | undefined {
	if (isBlank(value)) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: 'is required' });
		return undefined;
	}
	const converted = toServiceTime(value, zones);
	if (!converted.ok) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: converted.reason });
		return undefined;
	}
	return readServiceTime(converted.value, zones.service) ?? undefined;
}

function show(instant: DateTime, zones: TimeZones): string {
	return instant.setZone(zones.item).toISO({ suppressMilliseconds: true }) ?? instant.toString();
}

/** Midnight starting a service day given as `yyyy-MM-dd` (the service also writes `yyyy-M-d`). */
export function serviceDay(date: string, serviceZone: string): DateTime {
	return DateTime.fromFormat(date.trim(), 'yyyy-M-d', { zone: serviceZone });
}

/** The period's days as form fields; nothing when the service's default day applies. */
export function periodForm(period: ServicePeriod): Record<string, string> {
	return period.from && period.to ? { from: period.from, to: period.to } : {};
}

/**
 * Whether a meeting that started at this instant belongs in the output: always without a period
 * or with Exact Period off, and when its start is unreadable (nothing is dropped on a guess).
 */
export function inPeriod(startedAt: DateTime | null, period: ServicePeriod, exact: boolean): boolean {
	if (!exact || !period.start || !period.end || !startedAt) return true;
	return startedAt >= period.start && startedAt < period.end;
}
