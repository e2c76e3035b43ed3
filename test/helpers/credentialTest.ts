import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type ICredentialDataDecryptedObject,
	type INode,
	type INodeType,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { UMeetingApi } from '../../credentials/UMeetingApi.credentials';
import { TestCredentialsHelper } from './engine';
import { stub } from './stub';

export type CredentialTestResult = { status: 'OK' | 'Error'; message: string };

/**
 * Presses the credential's "Test" button the way n8n's CLI does for a credential with a `test`
 * request: the request runs through n8n-core's RoutingNode with the credential's authenticate
 * applied; an error with a non-2xx answer fails; then each responseSuccessBody rule fails the test
 * when the body's value at `key` equals `value`.
 */
export async function testCredential(data: ICredentialDataDecryptedObject): Promise<CredentialTestResult> {
	const credentialType = new UMeetingApi();
	const testRequest = credentialType.test;
	const nodeType: INodeType = {
		description: {
			name: 'credentialTestNode',
			displayName: 'Temp',
			version: 1,
			defaults: {},
			inputs: [],
			outputs: [],
			group: [],
			description: '',
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: testRequest.request } },
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialTestNode',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: '1', name: 'Test' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) },
	});
	const additionalData = stub<IWorkflowExecuteAdditionalData>({ credentialsHelper: new TestCredentialsHelper(data) });
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, {
		id: '1',
		name: 'Test',
		type: credentialType.name,
		data,
	});

	let response;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			return { status: 'Error', message: cause.response.statusText || `Received HTTP status code: ${cause.response.status}` };
		}
		return { status: 'Error', message: cause?.code ?? (error as Error).message };
	}
	for (const rule of testRequest.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const body = response?.[0]?.[0]?.json;
		if (valueAt(body, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** lodash's get for a dotted path, as the CLI reads a rule's key. */
function valueAt(value: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key], value);
}
