import type { INodeProperties } from 'n8n-workflow';

import { TIME_ZONE_OPTIONS, WORKFLOW_TIME_ZONE } from '../../../helpers/time';

/** For operations that only receive times. */
export const ANSWER_TIMES =
	"Zone in which the answer's times are given back as ISO 8601 (start_time_iso beside start_time), as UMeeting writes them without a zone.";

/** The zone in which an operation sends (and shows) service times. */
export function timeZoneField(description: string): INodeProperties {
	return {
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'options',
		options: TIME_ZONE_OPTIONS,
		default: WORKFLOW_TIME_ZONE,
		description: `${description} The default expression is the workflow's time zone (Workflow Settings, else the instance default); its preview shows which zone that is. The zone of the machine running n8n is never used.`,
	};
}
