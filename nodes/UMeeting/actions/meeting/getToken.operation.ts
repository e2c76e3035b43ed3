import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { hostToken } from './shared/answers';
import { meetingLocator, meetingRef } from './shared/meetingLocator';

const fields: INodeProperties[] = [
	meetingLocator({
		description:
			'The meeting whose host ID and host token to get. The token starts the meeting as its host: send it to the host only, never to attendees or a log.',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['meeting'], operation: ['getToken'] } },
	fields,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { meetingId } = parseParameters(
		this,
		z.object({ meetingId: meetingRef() }),
		{ meetingId: this.getNodeParameter('meetingId', itemIndex, '', { extractValue: true }) },
		description,
		itemIndex,
	);
	const token = await callUMeeting.call(this, {
		endpoint: 'share/token',
		form: { meeting_id: meetingId },
		itemIndex,
		data: hostToken,
	});
	return { meeting_id: meetingId, ...(token as IDataObject) };
}
