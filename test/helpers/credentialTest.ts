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
 * request: `test.request` becomes the routing of a temporary node's one property, so n8n-core's
 * RoutingNode copies each of its fields (disableFollowRedirect included) into the options of the
 * request helper, with the credential's authenticate applied. An error with an answer fails the
 * test with the message of a responseCode rule for that status, else with the status text; then
 * each responseSuccessBody rule fails the test when the body's value at `key` equals `value`.
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
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: testRequest.request },
				},
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
	const additionalData = stub<IWorkflowExecuteAdditionalData>({
		credentialsHelper: new TestCredentialsHelper(data),
	});
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

	// From here on, the steps of n8n's CredentialsTester.testCredentials (1.123.81 and 2.8.4 alike).
	let response;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } })
			.cause;
		if (cause?.response) {
			const { status, statusText } = cause.response;
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (status < 199 || status > 299) {
				return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
			}
		} else if (cause?.code) {
			return { status: 'Error', message: cause.code };
		}
		return { status: 'Error', message: (error as Error).message.toString() };
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
	return path
		.split('.')
		.reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key], value);
}
