import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { flag, text, wholeNumber } from '../../../helpers/fieldSchemas';
import type { RunInfo } from '../../operation';
import { readZones } from '../../readZones';
import { zoneParameters } from '../../../meetings/zones';

/** Parameters every report reads: its period, Return All / Limit, and the zones. */
export const reportParameters = {
	startDate: z.unknown(),
	endDate: z.unknown(),
	returnAll: z.boolean().default(false),
	limit: wholeNumber({ min: 1 }),
	...zoneParameters,
};

/** Reads the parameters of `reportParameters` for an item. */
export function readReportParameters(context: IExecuteFunctions, itemIndex: number, run: RunInfo) {
	const returnAll = run.parameter('returnAll', itemIndex, false);
	return {
		startDate: run.parameter('startDate', itemIndex, ''),
		endDate: run.parameter('endDate', itemIndex, ''),
		returnAll,
		limit: returnAll ? 1 : run.parameter('limit', itemIndex, 50),
		...readZones(context, itemIndex, run),
	};
}

/** How many rows an item wants: all of them, or its Limit. */
export function wanted(parameters: { returnAll: boolean; limit: number }): number {
	return parameters.returnAll ? Number.POSITIVE_INFINITY : parameters.limit;
}

/** The Room ID filter of share/detail and share/summary (the public room's host_id). */
export const roomFilters = z
	.object({ hostId: text({ required: true }).optional() })
	.strict()
	.default({});

/** An optional yes/no option; `fallback` when not added. */
export const optionalFlag = (fallback: boolean) =>
	flag.optional().transform((value) => (value === undefined ? fallback : value === 'true'));
