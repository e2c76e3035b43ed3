import type { IExecuteFunctions } from 'n8n-workflow';

import type { RunInfo } from './operation';

/** Reads an item's zone parameters for its schema. */
export function readZones(context: IExecuteFunctions, itemIndex: number, run: RunInfo) {
	return {
		timeZone: run.parameter('timeZone', itemIndex, ''),
		workflowTimeZone: context.getTimezone(),
		serviceTimeZone: run.serviceTimeZone,
	};
}
