import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * The fields, shown only where `displayOptions` says (e.g. one resource and operation), each keeping
 * the conditions of its own.
 *
 * What n8n-workflow's `updateDisplayOptions` does for these fields, without its lodash deep merge:
 * the node builds its 28 operation field lists when n8n loads it, and that merge alone cost about
 * 3 ms of every n8n process's start-up (bench/RESULTS.md, Module load).
 */
export function displayFor(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: withConditions(property.displayOptions, displayOptions),
	}));
}

function withConditions(own: IDisplayOptions | undefined, added: IDisplayOptions): IDisplayOptions {
	const merged: IDisplayOptions = { ...own, ...added };
	for (const key of ['show', 'hide'] as const) {
		if (own?.[key] || added[key]) merged[key] = { ...own?.[key], ...added[key] };
	}
	return merged;
}
