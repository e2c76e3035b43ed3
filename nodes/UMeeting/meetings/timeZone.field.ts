import type { INodeProperties } from 'n8n-workflow';

import { TIME_ZONE_OPTIONS } from '../helpers/timeZones';

/** For operations that only receive times. */
export const ANSWER_TIMES =
	"Zone in which the output's times are shown: start_time_iso and end_time_iso carry its offset, time_zone its name.";

/** The zone a person's times are meant in, and the zone output times are shown in. */
export function timeZoneField(description: string): INodeProperties {
	return {
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'options',
		options: [{ name: 'Workflow Time Zone', value: '' }, ...TIME_ZONE_OPTIONS],
		default: '',
		hint: "Empty means the workflow's time zone (Workflow Settings → Timezone, else the instance's default). UMeeting's own zone is set in the credential.",
		description: `${description} The zone of the machine running n8n is never used`,
	};
}
