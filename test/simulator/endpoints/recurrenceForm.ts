import { type Form, integer, serviceTime } from '../formRules';
import { type Occurrence, token } from '../meetings';
import { occurrences, type Recurrence } from '../recurrence';
import { ContractViolation } from '../refusals';

const RECURRENCE_FIELDS: Record<string, string[]> = {
	'1': ['daily_type'],
	'2': ['weekly_days'],
	'3': ['monthly_day', 'monthly_week', 'monthly_week_day'],
};

/** Every recurrence parameter, for the endpoints that accept a series. */
export const RECURRENCE_KEYS = [
	'recurrence_type',
	...Object.values(RECURRENCE_FIELDS).flat(),
	'end_times',
	'end_date_time',
];

/** Most occurrences the simulator lists for one series. */
export const OCCURRENCE_CAP = 200;

/** Reads the recurrence fields of a form; undefined when they describe a single meeting. */
export function parseRecurrence(form: Form, start: string): Recurrence | undefined {
	const type = form.recurrence_type;
	const present = RECURRENCE_KEYS.filter((key) => key !== 'recurrence_type' && form[key] !== undefined);
	if (type === undefined || type === '') {
		if (present.length) throw new ContractViolation(`${present.join(', ')} given without recurrence_type`);
		return undefined;
	}
	if (!RECURRENCE_FIELDS[type])
		throw new ContractViolation(`recurrence_type must be 1, 2 or 3, got "${type}"`);
	const foreign = present.filter(
		(key) => !RECURRENCE_FIELDS[type].includes(key) && key !== 'end_times' && key !== 'end_date_time',
	);
	if (foreign.length)
		throw new ContractViolation(`${foreign.join(', ')} do not apply to recurrence_type ${type}`);

	const rule: Recurrence = { type: Number(type) as 1 | 2 | 3 };
	if (type === '1') rule.dailyType = integer(form, 'daily_type', { min: 1, max: 2 });
	if (type === '2') {
		const days = form.weekly_days;
		if (days === undefined || !/^[1-7](,[1-7])*$/.test(days)) {
			throw new ContractViolation(`weekly_days must list weekdays 1-7 separated by commas, got "${days}"`);
		}
		rule.weeklyDays = days.split(',').map(Number);
	}
	if (type === '3') {
		rule.monthlyDay = integer(form, 'monthly_day', { min: 1, max: 31 });
		rule.monthlyWeek = integer(form, 'monthly_week', { min: 1, max: 5 });
		rule.monthlyWeekDay = integer(form, 'monthly_week_day', { min: 1, max: 7 });
		const byWeek = rule.monthlyWeek !== undefined && rule.monthlyWeekDay !== undefined;
		if (rule.monthlyDay === undefined && !byWeek) {
			throw new ContractViolation(
				'monthly recurrence needs monthly_day, or monthly_week with monthly_week_day',
			);
		}
		if (
			rule.monthlyDay === undefined &&
			(rule.monthlyWeek === undefined) !== (rule.monthlyWeekDay === undefined)
		) {
			throw new ContractViolation('monthly_week and monthly_week_day go together');
		}
	}
	rule.endTimes = integer(form, 'end_times', { min: 1 });
	rule.endDateTime = serviceTime(form, 'end_date_time', false);
	if (rule.endTimes === undefined && rule.endDateTime === undefined) {
		throw new ContractViolation('a recurring meeting needs end_times or end_date_time');
	}
	checkEnd(rule, start);
	return rule;
}

/** A stored rule must still end after a moved start. */
export function checkEnd(rule: Recurrence, start: string) {
	if (rule.endDateTime !== undefined && rule.endDateTime <= start) {
		throw new ContractViolation('end_date_time must be after start_time');
	}
}

/** The series' meetings, each with a fresh uuid, all scheduled. */
export function expand(start: string, rule: Recurrence): Occurrence[] {
	return occurrences(start, rule, OCCURRENCE_CAP).map((startTime) => ({
		start_time: startTime,
		uuid: `${token(16).toLowerCase()}==`,
		status: 0,
	}));
}
