import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { parseParameters } from '../../../helpers/validation';
import { callUMeeting } from '../../../transport';
import { meetingLocator, meetingRef } from './meetingLocator';

/**
 * Get Host Token and Get Start URL: one meeting in, a host secret out. They differ in endpoint,
 * the name the endpoint gives the meeting number, the answer and the wording.
 */
export function hostSecretOperation<S extends z.ZodTypeAny>(spec: {
	operation: string;
	endpoint: string;
	meetingField: 'meeting_id' | 'id';
	answer: S;
	locatorDescription: string;
}) {
	const fields: INodeProperties[] = [meetingLocator({ description: spec.locatorDescription })];
	const description = updateDisplayOptions(
		{ show: { resource: ['meeting'], operation: [spec.operation] } },
		fields,
	);
	const schema = z.object({ meetingId: meetingRef() });

	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const { meetingId } = parseParameters(
			this,
			schema,
			{ meetingId: this.getNodeParameter('meetingId', itemIndex, '', { extractValue: true }) },
			description,
			itemIndex,
		);
		const secret = await callUMeeting.call(this, {
			endpoint: spec.endpoint,
			form: { [spec.meetingField]: meetingId },
			itemIndex,
			data: spec.answer,
		});
		return { meeting_id: meetingId, ...(secret as IDataObject) };
	}

	return { description, execute };
}
