import { z } from 'zod';

import { zonesOf } from '../../meetings/zones';
import { optionalFlag, reportParameters, roomFilters, wanted } from './shared/parameters';
import { periodForm, servicePeriod } from './shared/period';

/**
 * share/detail: checks every parameter of Get Room Usage Details and maps it to the form. The
 * period is optional (both dates empty: the service's current day); the flags are sent only when
 * turned on.
 */
export const roomUsageSchema = z
	.object({
		...reportParameters,
		filters: roomFilters,
		exactPeriod: optionalFlag(true),
		additionalFields: z
			.object({
				showParticipants: optionalFlag(false),
				showTelephonyUsage: optionalFlag(false),
			})
			.strict()
			.default({}),
	})
	.transform((params, ctx) => {
		const zones = zonesOf(params);
		const period = servicePeriod(params, zones, false, ctx);
		if (!period) return z.NEVER;
		const { showParticipants, showTelephonyUsage } = params.additionalFields;
		const form: Record<string, string> = { ...periodForm(period) };
		if (params.filters.hostId !== undefined) form.host_id = params.filters.hostId;
		if (showParticipants) form.show_participants = 'true';
		if (showTelephonyUsage) form.show_telephony_usage = 'true';
		return { form, zones, period, exactPeriod: params.exactPeriod, wanted: wanted(params) };
	});
