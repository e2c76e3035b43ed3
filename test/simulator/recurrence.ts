import { SERVICE_TIME } from './formRules';

/** A recurrence as the service receives it (already checked). */
export interface Recurrence {
	type: 1 | 2 | 3;
	dailyType?: number;
	weeklyDays?: number[];
	monthlyDay?: number;
	monthlyWeek?: number;
	monthlyWeekDay?: number;
	endTimes?: number;
	endDateTime?: string;
}

const DAY = 86_400_000;
const SEARCH_LIMIT_DAYS = 366 * 20;

/**
 * Expands a series into its meetings' start times. The service has no zone, so the dates are
 * walked as plain calendar days (UTC arithmetic on wall-clock values). Weekdays are 1 Monday to 7 Sunday.
 */
export function occurrences(start: string, rule: Recurrence, cap: number): string[] {
	const [year, month, day, hour, minute, second] = SERVICE_TIME.exec(start)!.slice(1).map(Number);
	const clock = ((hour * 60 + minute) * 60 + second) * 1000;
	const first = Date.UTC(year, month - 1, day);
	const end = rule.endDateTime ? parse(rule.endDateTime) : undefined;
	// The manual: when both are given, the end date wins.
	const limit = end === undefined ? Math.min(rule.endTimes ?? 1, cap) : cap;
	const result: string[] = [];
	for (let n = 0; n < SEARCH_LIMIT_DAYS && result.length < limit; n++) {
		const date = first + n * DAY;
		if (!matches(new Date(date), rule)) continue;
		if (end !== undefined && date + clock > end) break;
		result.push(format(date + clock));
	}
	return result;
}

function matches(date: Date, rule: Recurrence): boolean {
	const weekday = ((date.getUTCDay() + 6) % 7) + 1;
	if (rule.type === 1) return rule.dailyType === 2 ? weekday <= 5 : true;
	if (rule.type === 2) return rule.weeklyDays!.includes(weekday);
	if (rule.monthlyDay !== undefined) return date.getUTCDate() === rule.monthlyDay;
	const week = Math.floor((date.getUTCDate() - 1) / 7) + 1;
	return week === rule.monthlyWeek && weekday === rule.monthlyWeekDay;
}

function parse(text: string): number {
	const [y, mo, d, h, mi, s] = SERVICE_TIME.exec(text)!.slice(1).map(Number);
	return Date.UTC(y, mo - 1, d, h, mi, s);
}

function format(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
