import { z } from 'zod';

import { oneOf } from '../../helpers/fieldSchemas';
import { zonesOf } from '../../meetings/zones';
import { optionalFlag, reportParameters, wanted } from './shared/parameters';
import { periodForm, servicePeriod } from './shared/period';

/**
 * Meeting State as the node names it (the values of Participant's Meeting State, so a value
 * carried over between operations stays valid) and as metrics/meetings reads it in `type`.
 */
const WIRE_STATES = { ended: 'past', live: 'live' } as const;

/** metrics/meetings: Start Date and End Date are required; the state is always sent. */
export const meetingMetricsSchema = z
	.object({
		...reportParameters,
		meetingState: oneOf(['ended', 'live'] as const),
		exactPeriod: optionalFlag(true),
	})
	.transform((params, ctx) => {
		const zones = zonesOf(params);
		const period = servicePeriod(params, zones, true, ctx);
		if (!period) return z.NEVER;
		return {
			form: { ...periodForm(period), type: WIRE_STATES[params.meetingState] },
			zones,
			period,
			exactPeriod: params.exactPeriod,
			wanted: wanted(params),
		};
	});
