import { z } from 'zod';

import { timeZoneChoice } from '../helpers/fieldSchemas';
import type { TimeZones } from '../helpers/time';

/** The zone parameters every schema that reads or shows times checks: see helpers/time.ts. */
export const zoneParameters = {
	timeZone: timeZoneChoice,
	workflowTimeZone: z.string(),
	serviceTimeZone: z.string(),
};

/** An item's zones once its schema accepted them: a blank Time Zone means the workflow's. */
export function zonesOf(parameters: {
	timeZone?: string;
	workflowTimeZone: string;
	serviceTimeZone: string;
}): TimeZones {
	return { item: parameters.timeZone ?? parameters.workflowTimeZone, service: parameters.serviceTimeZone };
}
