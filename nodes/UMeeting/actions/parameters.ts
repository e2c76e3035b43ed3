import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Reads one item's parameter, as `getNodeParameter(name, itemIndex, fallback, options)` gives it.
 * Handed to every prepare through the run: operations read their parameters through it only.
 */
export type ReadParameter = (
	name: string,
	itemIndex: number,
	fallback?: unknown,
	options?: { extractValue?: boolean },
) => unknown;

/**
 * The run's parameter reader. n8n's getNodeParameter resolves, cleans and validates a value against
 * the node's whole description on every call, which costs about as much per item as the request
 * itself. A parameter whose stored value holds no expression anywhere gives every item the same
 * value, so the first reading serves the whole run; one that holds an expression is read per item.
 * A parameter the node does not store (hidden by its display options) is left to n8n each time,
 * with the caller's fallback. Reused values are frozen, so no item can change another's.
 */
export function parameterReader(context: IExecuteFunctions): ReadParameter {
	const stored = context.getNode().parameters;
	const fixed = new Map<string, unknown>();
	return (name, itemIndex, fallback, options) => {
		const value = stored[name];
		if (value === undefined || holdsExpression(value))
			return context.getNodeParameter(name, itemIndex, fallback, options);
		const key = options?.extractValue ? `${name} (value)` : name;
		if (!fixed.has(key))
			fixed.set(key, deepFreeze(context.getNodeParameter(name, itemIndex, fallback, options)));
		return fixed.get(key);
	};
}

/** n8n marks an expression by a leading "=", at any depth of a collection or list. */
function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (typeof value !== 'object' || value === null) return false;
	return Object.values(value).some(holdsExpression);
}

function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}
