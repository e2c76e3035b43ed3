import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS } from '../transport';

/** Settings of how the node talks to UMeeting, shared by every operation. */
export const options: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Request Timeout (Ms)',
			name: 'timeout',
			type: 'number',
			default: DEFAULT_TIMEOUT_MS,
			typeOptions: { minValue: 1000, numberPrecision: 0 },
			description:
				'How long to wait for UMeeting to answer one request, in milliseconds. A request that times out is not sent again, since the service may still have acted on it.',
		},
	],
};
