import type { IExecuteFunctions, INodeProperties, INodePropertyCollection } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

/**
 * Runs an endpoint schema over an item's parameters. A failure becomes a NodeOperationError that
 * names the field as the editor shows it, the broken rule and the item; nothing is sent.
 */
export function parseParameters<S extends z.ZodTypeAny>(
	context: IExecuteFunctions,
	schema: S,
	parameters: unknown,
	properties: INodeProperties[],
	itemIndex: number,
): z.output<S> {
	const result = schema.safeParse(parameters);
	if (result.success) return result.data;

	const problems = result.error.issues.map(
		(issue) => `"${fieldLabel(properties, issue.path)}" ${issue.message}`,
	);
	throw new NodeOperationError(context.getNode(), `Invalid input in item ${itemIndex}: ${problems[0]}`, {
		itemIndex,
		description:
			problems.length > 1
				? `Fix these fields (nothing was sent to UMeeting): ${problems.join('; ')}`
				: 'Fix the field and run again; nothing was sent to UMeeting.',
	});
}

/** Finds the display names along a parameter path, e.g. "Recurrence › Weekly Days". */
export function fieldLabel(properties: INodeProperties[], path: Array<string | number>): string {
	const labels: string[] = [];
	let level: Array<INodeProperties | INodePropertyCollection> = properties;
	for (const key of path) {
		const match = level.find((entry) => entry.name === key);
		if (!match) {
			if (typeof key === 'string') labels.push(key);
			continue;
		}
		if ('displayName' in match && match.displayName !== labels[labels.length - 1])
			labels.push(match.displayName);
		level = (('options' in match ? match.options : undefined) ??
			('values' in match ? match.values : undefined) ??
			[]) as Array<INodeProperties | INodePropertyCollection>;
	}
	return labels.join(' › ');
}
