import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseParameters } from '../../../helpers/validation';
import { callUMeeting } from '../../../transport';
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

	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const { meetingId } = parseParameters(
			this,
			meetingOrOccurrenceSchema,
			{ meetingId: this.getNodeParameter('meetingId', itemIndex, '', { extractValue: true }) },
			description,
			itemIndex,
		);
		await callUMeeting.call(this, {
			endpoint: spec.endpoint,
			form: { id: meetingId },
			itemIndex,
			data: noData,
		});
		return { success: true, id: meetingId, [spec.done]: true };
	}

	return { description, execute };
}
