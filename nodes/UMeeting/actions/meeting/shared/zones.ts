import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { timeZoneChoice } from '../../../helpers/fieldSchemas';
import type { TimeZones } from '../../../helpers/time';
import type { RunInfo } from '../../operation';

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

/** Reads an item's zone parameters for its schema. */
export function readZones(context: IExecuteFunctions, itemIndex: number, run: RunInfo) {
	return {
		timeZone: run.parameter('timeZone', itemIndex, ''),
		workflowTimeZone: context.getTimezone(),
		serviceTimeZone: run.serviceTimeZone,
	};
}
