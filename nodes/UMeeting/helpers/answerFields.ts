import { z } from 'zod';

/**
 * Normalisers for fields of UMeeting answers, whose examples give the same field as a number in one
 * place and as a string in another: identifiers become text, counts become numbers.
 */
export const idText = z.union([z.string().min(1), z.number().finite()]).transform(String);

export const count = z.union([
	z.number().finite(),
	z
		.string()
		.regex(/^\s*-?\d+(\.\d+)?\s*$/, 'expected a number')
		.transform(Number),
]);

/** Fields of UMeeting answers that let whoever holds them act as the meeting's host. */
export const HOST_SECRETS = ['start_url', 'token', 'host_key'] as const;

/** Fields whose value an error never repeats: host secrets and the meeting password. */
const UNQUOTED = new Set<string>([...HOST_SECRETS, 'password']);

/** Words the first problem of an answer's data that does not match its schema. */
export function describeAnswerProblem(data: unknown, error: z.ZodError): string {
	const [issue] = error.issues;
	const field = issue.path.length ? issue.path.join('.') : 'data';
	const value = issue.path.reduce<unknown>(
		(at, key) => (at as Record<string, unknown> | undefined)?.[key],
		data,
	);
	if (value === undefined || value === null) return `lacks ${field}`;
	if (issue.path.some((key) => UNQUOTED.has(String(key))))
		return `has an invalid ${field} (${issue.message})`;
	return `has an invalid ${field} (${issue.message}; got ${JSON.stringify(value)})`;
}
