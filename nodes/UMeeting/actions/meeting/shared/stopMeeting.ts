import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseParameters } from '../../../helpers/validation';
import { callUMeeting } from '../../../transport';
import { jsonItems, type Send } from '../../operation';
import { noData } from './answers';
import { meetingOrOccurrenceSchema } from './lookup.schema';
import { meetingLocator } from './meetingLocator';

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
}) {
	const fields: INodeProperties[] = [
		meetingLocator({ occurrences: true, description: spec.locatorDescription }),
	];
	const description = updateDisplayOptions(
		{ show: { resource: ['meeting'], operation: [spec.operation] } },
		fields,
	);

	function prepare(this: IExecuteFunctions, itemIndex: number): Send {
		const { meetingId } = parseParameters(
			this,
			meetingOrOccurrenceSchema,
			{ meetingId: this.getNodeParameter('meetingId', itemIndex, '', { extractValue: true }) },
			description,
			itemIndex,
		);
		return async () => {
			await callUMeeting.call(this, {
				endpoint: spec.endpoint,
				form: { id: meetingId },
				itemIndex,
				data: noData,
			});
			return jsonItems({ success: true, meeting_id: meetingId, [spec.done]: true });
		};
	}

	return { description, prepare };
}
