import { z } from 'zod';

import { kindOf } from './shape';

/** A field the node's schema refuses: the node would fail on this answer. */
export interface Difference {
	path: string;
	expected: string;
	got: string;
}

/** A field the node accepts but converts: the service writes it otherwise than the schema's output. */
export interface Normalised {
	path: string;
	declared: string;
	got: string;
}

/** A field the schema does not name; the node passes it through unread. */
export interface Undeclared {
	path: string;
	got: string;
}

export interface Comparison {
	/** The schema's output, when the node accepts the answer. */
	accepted?: unknown;
	differences: Difference[];
	normalised: Normalised[];
	undeclared: Undeclared[];
}

/**
 * Runs an answer's data through the node's own schema and describes how it differs: every field
 * the schema refuses, and, for answers the node accepts, what it silently converts and what it
 * does not know. The last two do not break the node today, but they are where the real service
 * parts from the manual, which is what a contract report is for. Only kinds are reported, never
 * values.
 */
export function compare(schema: z.ZodTypeAny, data: unknown): Comparison {
	const normalised = new Map<string, Normalised>();
	const undeclared = new Map<string, Undeclared>();
	walk(schema, data, [], normalised, undeclared);
	const parsed = schema.safeParse(data);
	return {
		accepted: parsed.success ? parsed.data : undefined,
		differences: parsed.success ? [] : differencesOf(schema, data, parsed.error),
		normalised: [...normalised.values()],
		undeclared: [...undeclared.values()],
	};
}

type Key = string | number;

/** A path as a report writes it: `meetings[0].id`; `[]` stands for every row of a list. */
export function pathText(path: readonly Key[]): string {
	const text = path
		.map((key) => (typeof key === 'number' ? `[${key}]` : key === '[]' ? '[]' : `.${key}`))
		.join('')
		.replace(/^\./, '');
	return text === '' ? '(data)' : text;
}

function differencesOf(schema: z.ZodTypeAny, data: unknown, error: z.ZodError): Difference[] {
	const seen = new Set<string>();
	const differences: Difference[] = [];
	for (const issue of error.issues.flatMap(deepestIssues)) {
		const path = pathText(issue.path);
		if (seen.has(path)) continue;
		seen.add(path);
		const at = schemaAt(schema, issue.path);
		const expected = issue.code === z.ZodIssueCode.custom || !at ? issue.message : describe(at);
		differences.push({ path, expected, got: kindOf(valueAt(data, issue.path)) });
	}
	return differences;
}

/**
 * A union that failed is reported where its best branch failed: the branch that got furthest into
 * the value (a list of rooms with one bad room is a bad room, not "not a room, a list or null").
 * A union of plain kinds (text or number) failed at its own place and is reported there.
 */
function deepestIssues(issue: z.ZodIssue): z.ZodIssue[] {
	if (issue.code !== z.ZodIssueCode.invalid_union) return [issue];
	const branches = issue.unionErrors.map((error) => error.issues.flatMap(deepestIssues));
	const depth = (issues: z.ZodIssue[]) => Math.max(...issues.map((one) => one.path.length));
	const best = branches.reduce((a, b) => (depth(b) > depth(a) ? b : a));
	return depth(best) > issue.path.length ? best : [issue];
}

function valueAt(data: unknown, path: readonly Key[]): unknown {
	return path.reduce<unknown>(
		(at, key) => (at !== null && typeof at === 'object' ? (at as Record<Key, unknown>)[key] : undefined),
		data,
	);
}

/** The schema without what only wraps it: transforms, optional, nullable, defaults. */
function core(schema: z.ZodTypeAny): z.ZodTypeAny {
	if (schema instanceof z.ZodEffects) return core(schema.innerType());
	if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return core(schema.unwrap());
	if (schema instanceof z.ZodDefault) return core(schema.removeDefault());
	return schema;
}

/** The schema that judges the value at `path`; in a union, the first branch that has that path. */
function schemaAt(schema: z.ZodTypeAny, path: readonly Key[]): z.ZodTypeAny | undefined {
	if (path.length === 0) return schema;
	const [key, ...rest] = path;
	const inner = core(schema);
	if (inner instanceof z.ZodObject) {
		const field = (inner.shape as Record<string, z.ZodTypeAny>)[String(key)];
		return field && schemaAt(field, rest);
	}
	if (inner instanceof z.ZodArray) return schemaAt(inner.element, rest);
	if (inner instanceof z.ZodRecord) return schemaAt(inner.valueSchema, rest);
	if (inner instanceof z.ZodUnion) {
		for (const option of inner.options as z.ZodTypeAny[]) {
			const found = schemaAt(option, path);
			if (found) return found;
		}
	}
	return undefined;
}

/** What a schema accepts, in a report's words. */
function describe(schema: z.ZodTypeAny): string {
	const inner = core(schema);
	const base = describeCore(inner);
	return schema.safeParse(null).success && !base.includes('null') ? `${base} or null` : base;
}

function describeCore(inner: z.ZodTypeAny): string {
	if (inner instanceof z.ZodString)
		return inner._def.checks.some((check) => check.kind === 'regex') ? 'numeric text' : 'text';
	if (inner instanceof z.ZodNumber) return 'number';
	if (inner instanceof z.ZodBoolean) return 'boolean';
	if (inner instanceof z.ZodNull) return 'null';
	if (inner instanceof z.ZodArray) return 'list';
	if (inner instanceof z.ZodObject || inner instanceof z.ZodRecord) return 'object';
	if (inner instanceof z.ZodLiteral) return JSON.stringify(inner.value);
	if (inner instanceof z.ZodEnum)
		return (inner.options as string[]).map((option) => `"${option}"`).join(' or ');
	if (inner instanceof z.ZodUnion) {
		const kinds = (inner.options as z.ZodTypeAny[]).map((option) => describe(option));
		return [...new Set(kinds.flatMap((kind) => kind.split(' or ')))].join(' or ');
	}
	return 'anything';
}

/**
 * Walks the value beside the schema: a field the schema does not name is undeclared, and a value
 * the schema accepts but turns into another kind (a number given as text, null read as an empty
 * list) is normalised. Rows of a list are one path (`meetings[].id`), so a page of many rows
 * reports each field once.
 */
function walk(
	schema: z.ZodTypeAny,
	value: unknown,
	path: Key[],
	normalised: Map<string, Normalised>,
	undeclared: Map<string, Undeclared>,
) {
	if (value === undefined) return;
	const got = kindOf(value);
	const parsed = schema.safeParse(value);
	const out = parsed.success ? outputKind(parsed.data) : got;
	// A schema whose output is nothing (an answer the node ignores) converts nothing. A value the
	// schema refuses is a difference; its fields are still walked, so a refused row's unknown
	// fields are named too.
	if (out !== 'missing' && out !== got && !(got === 'numeric text' && out === 'text')) {
		const text = pathText(path);
		const key = `${text} ${got}`;
		if (!normalised.has(key)) normalised.set(key, { path: text, declared: out, got });
	}
	const inner = core(schema);
	if (inner instanceof z.ZodObject && got === 'object') {
		const shape = inner.shape as Record<string, z.ZodTypeAny>;
		for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
			if (key in shape) walk(shape[key], field, [...path, key], normalised, undeclared);
			else {
				const text = pathText([...path, key]);
				undeclared.set(text, { path: text, got: kindOf(field) });
			}
		}
	} else if (inner instanceof z.ZodArray && Array.isArray(value)) {
		for (const row of value) walk(inner.element, row, [...path, '[]'], normalised, undeclared);
	} else if (inner instanceof z.ZodUnion) {
		const branch = (inner.options as z.ZodTypeAny[]).find((option) => option.safeParse(value).success);
		if (branch) walk(branch, value, path, normalised, undeclared);
	}
}

/** The kind of a schema's output; numeric text in the output is still text. */
function outputKind(value: unknown): string {
	const kind = kindOf(value);
	return kind === 'numeric text' ? 'text' : kind;
}
