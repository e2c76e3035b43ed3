import { z } from 'zod';

import { oneOf } from '../../helpers/fieldSchemas';
import { MEETING_ID_PATTERN, meetingRef } from '../meeting/shared/meetingLocator';
import { zoneParameters, zonesOf } from '../../meetings/zones';

/** Attendees asked for per page of share/meetingdetail; the node reads every page. */
export const REPORT_PAGE_SIZE = 100;

const STATE_TYPES: Record<'ended' | 'live', '1' | '2'> = { ended: '2', live: '1' };

/**
 * share/meetingdetail, as both manual pages document it: a meeting number with type (1 in
 * progress, 2 ended) and attendee paging, or the uuid of one held session. Gives the form without
 * page_number, which the node adds per page.
 */
export const getReportSchema = z
	.object({
		meetingId: meetingRef(true),
		meetingState: oneOf(['ended', 'live'] as const),
		...zoneParameters,
	})
	.transform(({ meetingId, meetingState, ...zoneValues }) => {
		const byNumber = new RegExp(MEETING_ID_PATTERN).test(meetingId);
		const form: Record<string, string> = byNumber
			? { meeting_id: meetingId, type: STATE_TYPES[meetingState], page_size: String(REPORT_PAGE_SIZE) }
			: { uuid: meetingId };
		return { byNumber, form, zones: zonesOf(zoneValues) };
	});
