import { z } from 'zod';

import { zonesOf } from '../../meetings/zones';
import { optionalFlag, reportParameters, wanted } from './shared/parameters';
import { periodForm, servicePeriod } from './shared/period';

/** share/hisMeeting: Start Date and End Date are required; the form carries the period only. */
export const meetingHistorySchema = z
	.object({
		...reportParameters,
		exactPeriod: optionalFlag(true),
	})
	.transform((params, ctx) => {
		const zones = zonesOf(params);
		const period = servicePeriod(params, zones, true, ctx);
		if (!period) return z.NEVER;
		return {
			form: periodForm(period),
			zones,
			period,
			exactPeriod: params.exactPeriod,
			wanted: wanted(params),
		};
	});
