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

/** Words the first problem of an answer's data that does not match its schema. */
export function describeAnswerProblem(data: unknown, error: z.ZodError): string {
	const [issue] = error.issues;
	const field = issue.path.length ? issue.path.join('.') : 'data';
	const value = issue.path.reduce<unknown>(
		(at, key) => (at as Record<string, unknown> | undefined)?.[key],
		data,
	);
	if (value === undefined || value === null) return `lacks ${field}`;
	return `has an invalid ${field} (${issue.message}; got ${JSON.stringify(value)})`;
}
