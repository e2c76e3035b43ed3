import type { INodeProperties } from 'n8n-workflow';

/** Return All and Limit, as n8n's list operations have them; `hint` says what Limit counts where unclear. */
export function returnAllFields(hint?: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
			...(hint ? { hint } : {}),
		},
	];
}
