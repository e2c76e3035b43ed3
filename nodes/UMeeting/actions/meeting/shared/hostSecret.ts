import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { parseParameters } from '../../../helpers/validation';
import { callUMeeting } from '../../../transport';
import { jsonItems, type RunInfo, type Send } from '../../operation';
import { hostSecretsFields, includeHostSecrets } from './hostSecrets.field';
import { meetingLocator, meetingRef } from './meetingLocator';
import { displayFor } from '../../../helpers/displayFor';

/**
 * Get Host Token and Get Start URL: one meeting in, a host secret out. They differ in endpoint,
 * the name the endpoint gives the meeting number, the answer and the wording.
 */
export function hostSecretOperation<S extends z.ZodTypeAny>(spec: {
	operation: string;
	/** The operation's name as the editor shows it. */
	name: string;
	endpoint: string;
	meetingField: 'meeting_id' | 'id';
	answer: S;
	locatorDescription: string;
}) {
	const fields: INodeProperties[] = [
		meetingLocator({ description: spec.locatorDescription }),
		...hostSecretsFields,
	];
	const description = displayFor({ show: { resource: ['meeting'], operation: [spec.operation] } }, fields);
	const schema = z.object({ meetingId: meetingRef() });

	function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
		const { meetingId } = parseParameters(
			this,
			schema,
			{ meetingId: run.parameter('meetingId', itemIndex, '', { extractValue: true }) },
			description,
			itemIndex,
		);
		// As an AI agent's tool this operation would put a host secret into the model's context:
		// it runs there only when the workflow's author turned Include Host Secrets on.
		if (!includeHostSecrets(itemIndex, run)) {
			throw new NodeOperationError(this.getNode(), `${spec.name} is not available to an AI agent`, {
				itemIndex,
				description:
					'Its output is a host secret, which would reach the model and the conversation log. The workflow author can allow it by turning on Include Host Secrets in this node. Nothing was sent.',
			});
		}
		return async () => {
			const secret = await callUMeeting.call(this, {
				endpoint: spec.endpoint,
				form: { [spec.meetingField]: meetingId },
				itemIndex,
				data: spec.answer,
			});
			return jsonItems({ meeting_id: meetingId, ...(secret as IDataObject) });
		};
	}

	return { description, prepare };
}
