import { LoadOptionsContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type INode,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { UMeeting } from '../../nodes/UMeeting/UMeeting.node';
import { TestCredentialsHelper } from './engine';
import { stub } from './stub';

/**
 * Calls the node's "From List" search as the editor does: through n8n-core's LoadOptionsContext,
 * with the credential applied by n8n's request helpers.
 */
export async function searchMeetings(
	credentials: ICredentialDataDecryptedObject,
	filter?: string,
	token?: string,
) {
	const nodeType = new UMeeting();
	const node: INode = {
		id: 'search',
		name: 'UMeeting',
		type: 'n8n-nodes-umeeting.uMeeting',
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'meeting', operation: 'get' },
		credentials: { uMeetingApi: { id: '1', name: 'UMeeting account' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) },
	});
	const additionalData = stub<IWorkflowExecuteAdditionalData>({
		credentialsHelper: new TestCredentialsHelper(credentials),
	});
	const context = new LoadOptionsContext(workflow, node, additionalData, 'meetingId');
	return await nodeType.methods.listSearch.searchMeetings.call(context, filter, token);
}
