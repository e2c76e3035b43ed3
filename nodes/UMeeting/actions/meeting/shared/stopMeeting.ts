import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { parseParameters } from '../../../helpers/validation';
import { callUMeeting } from '../../../transport';
import type { RunInfo, Send } from '../../operation';
import { meetingDetails, noData } from './answers';
import { invitationFields, invitationTarget, attachInvitation, meetingFacts } from './invitation';
import { meetingOrOccurrenceSchema } from './lookup.schema';
import { MEETING_ID_PATTERN, meetingLocator } from './meetingLocator';

/**
 * End and delete take the same input (a meeting number, or the uuid of one occurrence of a
 * series) and answer without data; they differ in endpoint, wording and what they report.
 */
export function stopMeetingOperation(spec: {
	operation: string;
	endpoint: string;
	/** Past tense for the output, e.g. "ended". */
	done: string;
	locatorDescription: string;
	/** Delete can give the iCalendar cancellation that takes the meeting out of calendars. */
	cancellation?: boolean;
}) {
	const fields: INodeProperties[] = [
		meetingLocator({ occurrences: true, description: spec.locatorDescription }),
		...(spec.cancellation ? invitationFields('cancellation') : []),
	];
	const description = updateDisplayOptions(
		{ show: { resource: ['meeting'], operation: [spec.operation] } },
		fields,
	);

	function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
		const { meetingId } = parseParameters(
			this,
			meetingOrOccurrenceSchema,
			{ meetingId: this.getNodeParameter('meetingId', itemIndex, '', { extractValue: true }) },
			description,
			itemIndex,
		);
		const cancellation = spec.cancellation ? invitationTarget(this, itemIndex) : undefined;
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
						endpoint: 'share/get',
						form: { meeting_id: meetingId },
						itemIndex,
						data: meetingDetails,
					})
				: undefined;
			await callUMeeting.call(this, {
				endpoint: spec.endpoint,
				form: { id: meetingId },
				itemIndex,
				data: noData,
			});
			const item = { json: { success: true, meeting_id: meetingId, [spec.done]: true } };
			if (!cancellation || !meeting) return [item];
			const facts = meetingFacts(this, meeting, itemIndex);
			return [await attachInvitation(this, item, cancellation, facts, run.serviceTimeZone, 'CANCEL')];
		};
	}

	return { description, prepare };
}
