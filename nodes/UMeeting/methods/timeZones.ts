import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { WORKFLOW_TIME_ZONE } from '../helpers/time';

/** The workflow's own zone first (named, so the user sees which one it is), then every IANA zone. */
export async function getTimeZones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const zones = new Set(Intl.supportedValuesOf('timeZone'));
	zones.add('UTC');
	return [
		{
			name: `Workflow Time Zone (${this.getTimezone()})`,
			value: WORKFLOW_TIME_ZONE,
			description: "The zone set in this workflow's settings, or the n8n instance default",
		},
		...[...zones].sort().map((zone) => ({ name: zone, value: zone })),
	];
}
