import type { IDataObject, IExecuteFunctions, INodeProperties, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { parseParameters } from '../../../helpers/validation';
import { callUMeeting, outcomeUnknown, refusedByService } from '../../../transport';
import type { RunInfo, Send } from '../../operation';
import { meetingDetails, noData } from '../../../meetings/answers';
import type { MeetingFamily } from './family';
import { invitationFields, invitationTarget, attachInvitation, meetingFacts } from './invitation';
import { MEETING_ID_PATTERN, meetingLocator, meetingRef } from './meetingLocator';
import { displayFor } from '../../../helpers/displayFor';

/**
 * End and delete take the same input (a meeting number, or, in a family with series, the uuid of
 * one occurrence) and answer without data; they differ in endpoint, wording and what they report.
 * The endpoint is `${prefix}/${operation}` of the family.
 */
export function stopMeetingOperation(
	family: MeetingFamily,
	spec: {
		operation: string;
		/** Past tense for the output, e.g. "ended". */
		done: string;
		locatorDescription: string;
		/** Delete can give the iCalendar cancellation that takes the meeting out of calendars. */
		cancellation?: boolean;
	},
) {
	const fields: INodeProperties[] = [
		meetingLocator({
			occurrences: family.series,
			listed: family.listed,
			description: spec.locatorDescription,
		}),
		...(spec.cancellation ? invitationFields('cancellation') : []),
	];
	const description = displayFor(
		{ show: { resource: [family.resource], operation: [spec.operation] } },
		fields,
	);
	// A meeting number, or in a family with series one occurrence's uuid.
	const schema = z.object({ meetingId: meetingRef(family.series) });

	function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
		const { meetingId } = parseParameters(
			this,
			schema,
			{ meetingId: run.parameter('meetingId', itemIndex, '', { extractValue: true }) },
			description,
			itemIndex,
		);
		const cancellation = spec.cancellation ? invitationTarget(this, run, itemIndex) : undefined;
		if (cancellation && !new RegExp(MEETING_ID_PATTERN).test(meetingId)) {
			throw new NodeOperationError(this.getNode(), 'Attach Cancellation (.ics) needs a meeting number', {
				itemIndex,
				description:
					'An occurrence uuid does not say which series it belongs to, so its cancellation cannot be written. Give the meeting number, or turn the option off. Nothing was sent.',
			});
		}
		return async () => {
			// Read before deleting: afterwards the service no longer describes the meeting.
			const meeting = cancellation
				? await callUMeeting.call(this, {
						endpoint: `${family.prefix}/get`,
						form: { meeting_id: meetingId },
						itemIndex,
						data: meetingDetails,
					})
				: undefined;
			const json: IDataObject = { success: true, meeting_id: meetingId, [spec.done]: true };
			try {
				await callUMeeting.call(this, {
					endpoint: `${family.prefix}/${spec.operation}`,
					form: { id: meetingId },
					itemIndex,
					data: noData,
				});
			} catch (caught) {
				// A repeat (after a failure that left unknown whether the first try acted) finds the
				// meeting closed already: said plainly, not failed. Only after a refusal or an unclear
				// failure, and only what the service shows counts.
				const error = caught as NodeApiError | NodeOperationError;
				const closedMaybe = outcomeUnknown(error) || refusedByService(error);
				if (!closedMaybe || !(await alreadyDone(this, family, spec.operation, meetingId, itemIndex)))
					throw error;
				json[`already_${spec.done}`] = true;
			}
			const item = { json };
			if (!cancellation || !meeting) return [item];
			const facts = meetingFacts(this, meeting, itemIndex);
			return [await attachInvitation(this, item, cancellation, facts, run.serviceTimeZone, 'CANCEL')];
		};
	}

	return { description, prepare };
}

/**
 * Whether the meeting (by its number) is already in the state the operation leads to: ended for
 * end, cancelled or deleted for delete. False when it cannot be read: a failure proves nothing.
 */
async function alreadyDone(
	context: IExecuteFunctions,
	family: MeetingFamily,
	operation: string,
	meetingId: string,
	itemIndex: number,
): Promise<boolean> {
	if (!new RegExp(MEETING_ID_PATTERN).test(meetingId)) return false;
	try {
		const meeting = await callUMeeting.call(context, {
			endpoint: `${family.prefix}/get`,
			form: { meeting_id: meetingId },
			itemIndex,
			data: meetingDetails,
		});
		if (operation === 'end') return meeting.status === 3;
		return meeting.status === 2 || String(meeting.del_flag) === '1';
	} catch {
		return false;
	}
}
