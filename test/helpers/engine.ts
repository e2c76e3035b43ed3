import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	createDeferredPromise,
	createRunExecutionData,
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { UMeetingApi } from '../../credentials/UMeetingApi.credentials';
import { UMeeting } from '../../nodes/UMeeting/UMeeting.node';
import { stub } from './stub';

/** Node types known to the test workflows: just ours. */
class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType> = { 'n8n-nodes-umeeting.uMeeting': new UMeeting() };

	getByName(name: string): INodeType | IVersionedNodeType {
		return this.types[name];
	}

	getByNameAndVersion(name: string): INodeType {
		return this.types[name];
	}

	getKnownTypes() {
		return {};
	}
}

/**
 * Hands the test credential to n8n-core and applies the credential type's own `authenticate`,
 * as n8n's credentials helper does for a credential whose authenticate is a function.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly data: ICredentialDataDecryptedObject,
		private readonly type: ICredentialType = new UMeetingApi(),
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, _typeName: string, request: IHttpRequestOptions) {
		const authenticate = this.type.authenticate;
		if (typeof authenticate !== 'function') throw new Error('expected a function authenticate');
		return await authenticate(credentials, request);
	}

	async preAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}

	async getDecrypted() {
		return { ...this.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(): INodeProperties[] {
		return this.type.properties;
	}
}

export interface RunOptions {
	parameters: INodeParameters;
	items?: IDataObject[];
	credentials: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	workflowTimeZone?: string;
}

export interface RunResult {
	run: IRun;
	/** Output items of the UMeeting node, or undefined when the node failed. */
	output?: INodeExecutionData[];
	error?: Error & { description?: string; httpCode?: string | null; context?: IDataObject };
}

/**
 * Runs one UMeeting node inside n8n-core's WorkflowExecute, with a real Workflow object, the input
 * items handed to it as a trigger would, and the credential applied by n8n's request helpers.
 */
export async function runUMeeting(options: RunOptions): Promise<RunResult> {
	const node: INode = {
		id: 'umeeting-under-test',
		name: 'UMeeting',
		type: 'n8n-nodes-umeeting.uMeeting',
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { uMeetingApi: { id: '1', name: 'UMeeting account' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes(),
		settings: options.workflowTimeZone ? { timezone: options.workflowTimeZone } : {},
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', stub());
	const finished = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (run) => finished.resolve(run));
	const additionalData = stub<IWorkflowExecuteAdditionalData>({
		hooks,
		currentNodeParameters: undefined,
		credentialsHelper: new TestCredentialsHelper(options.credentials),
	});

	const items = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [items] }, source: null }] },
	});
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	const run = await finished.promise;
	const nodeRun = run.data.resultData.runData.UMeeting?.[0];
	return {
		run,
		output: nodeRun?.data?.main?.[0] ?? undefined,
		error: (nodeRun?.error ?? run.data.resultData.error) as RunResult['error'],
	};
}
