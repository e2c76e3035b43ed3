import { z } from 'zod';

import { zonesOf } from '../../meetings/zones';
import { reportParameters, roomFilters, wanted } from './shared/parameters';
import { periodForm, servicePeriod } from './shared/period';

/**
 * share/summary: checks every parameter of Get Room Usage Summary and maps it to the form. The
 * period is optional (both dates empty: the service's current day).
 */
export const roomSummarySchema = z
	.object({ ...reportParameters, filters: roomFilters })
	.transform((params, ctx) => {
		const zones = zonesOf(params);
		const period = servicePeriod(params, zones, false, ctx);
		if (!period) return z.NEVER;
		const form: Record<string, string> = { ...periodForm(period) };
		if (params.filters.hostId !== undefined) form.host_id = params.filters.hostId;
		return { form, zones, period, wanted: wanted(params) };
	});
