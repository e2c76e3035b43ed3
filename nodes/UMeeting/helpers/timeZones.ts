import { IANAZone } from 'luxon';

/** Where the public UMeeting service runs, and so the zone its zoneless times are in. */
export const SERVICE_TIME_ZONE_DEFAULT = 'Asia/Shanghai';

/** Every IANA zone the runtime knows, for the time-zone fields. */
export const TIME_ZONE_OPTIONS = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])]
	.sort()
	.map((zone) => ({ name: zone, value: zone }));

const zoneValidity = new Map<string, boolean>();

/** Whether the runtime knows the zone; remembered, since each check builds an Intl formatter. */
export function isValidTimeZone(zone: string): boolean {
	let valid = zoneValidity.get(zone);
	if (valid === undefined) {
		valid = IANAZone.isValidZone(zone);
		zoneValidity.set(zone, valid);
	}
	return valid;
}
