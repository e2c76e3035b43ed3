/** Field checks the UMeeting manual states, shared by the simulator's endpoints. */

import { ContractViolation } from './refusals';

export type Form = Record<string, string>;

export const SERVICE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export function requireText(form: Form, key: string): string {
	const value = form[key];
	if (value === undefined || value.trim() === '') throw new ContractViolation(`${key} is required`);
	return value;
}

export function integer(form: Form, key: string, rule: { min?: number; max?: number; required?: boolean }) {
	const value = form[key];
	if (value === undefined) {
		if (rule.required) throw new ContractViolation(`${key} is required`);
		return undefined;
	}
	if (!/^\d+$/.test(value)) throw new ContractViolation(`${key} must be an integer, got "${value}"`);
	const number = Number(value);
	if ((rule.min !== undefined && number < rule.min) || (rule.max !== undefined && number > rule.max)) {
		throw new ContractViolation(`${key} out of range: ${value}`);
	}
	return number;
}

export function flag(form: Form, key: string): boolean | undefined {
	const value = form[key];
	if (value === undefined) return undefined;
	if (value !== 'true' && value !== 'false')
		throw new ContractViolation(`${key} must be "true" or "false", got "${value}"`);
	return value === 'true';
}

export function serviceTime(form: Form, key: string, required: boolean): string | undefined {
	const value = form[key];
	if (value === undefined) {
		if (required) throw new ContractViolation(`${key} is required`);
		return undefined;
	}
	const match = SERVICE_TIME.exec(value);
	if (!match) throw new ContractViolation(`${key} must look like 2017-08-19 00:00:00, got "${value}"`);
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
	const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
	const same =
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day &&
		date.getUTCHours() === hour &&
		date.getUTCMinutes() === minute &&
		date.getUTCSeconds() === second;
	if (!same) throw new ContractViolation(`${key} is not a real date and time: "${value}"`);
	return value;
}

export function onlyKeys(form: Form, allowed: readonly string[]) {
	const unknown = Object.keys(form).filter((key) => !allowed.includes(key));
	if (unknown.length) throw new ContractViolation(`unknown parameter(s): ${unknown.join(', ')}`);
}

export function utf8Bytes(value: string): number {
	return Buffer.byteLength(value, 'utf8');
}

/** An optional text field that, once given, must say something. */
export function optionalText(form: Form, key: string): string | undefined {
	const value = form[key];
	if (value !== undefined && value.trim() === '') throw new ContractViolation(`${key} must not be empty`);
	return value;
}

export function maxBytes(form: Form, key: string, limit: number): string | undefined {
	const value = form[key];
	if (value !== undefined && utf8Bytes(value) > limit) {
		throw new ContractViolation(`${key} is longer than ${limit} bytes (${utf8Bytes(value)})`);
	}
	return value;
}

export function oneOf<T extends string>(form: Form, key: string, allowed: readonly T[]): T | undefined {
	const value = form[key];
	if (value !== undefined && !(allowed as readonly string[]).includes(value)) {
		throw new ContractViolation(
			`${key} must be ${allowed.map((a) => `"${a}"`).join(' or ')}, got "${value}"`,
		);
	}
	return value as T | undefined;
}
