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

/**
 * The node as n8n offers it to an AI agent: n8n derives a tool variant of every usableAsTool node
 * whose type name ends in "Tool"; its execute is the node's own.
 */
class UMeetingTool extends UMeeting {
	constructor() {
		super();
		this.description = { ...this.description, name: 'uMeetingTool', displayName: 'UMeeting Tool' };
	}
}

/** Node types known to the test workflows: ours, and its AI-tool variant. */
class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType> = {
		'n8n-nodes-umeeting.uMeeting': new UMeeting(),
		'n8n-nodes-umeeting.uMeetingTool': new UMeetingTool(),
	};

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

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		request: IHttpRequestOptions,
	) {
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
	asTool?: boolean;
}

export interface RunResult {
	run: IRun;
	/** Output items of the UMeeting node, or undefined when the node failed. */
	output?: INodeExecutionData[];
	error?: Error & { description?: string; httpCode?: string | null; context?: IDataObject };
}

/** One UMeeting node of a chain: its name, its parameters, and whether it continues on fail. */
export interface ChainStep {
	name: string;
	parameters: INodeParameters;
	continueOnFail?: boolean;
	/** Run the AI-tool variant of the node. */
	asTool?: boolean;
}

export interface ChainOptions {
	steps: ChainStep[];
	items?: IDataObject[];
	credentials: ICredentialDataDecryptedObject;
	workflowTimeZone?: string;
}

type NodeError = RunResult['error'];

/**
 * Runs UMeeting nodes connected one after the other inside n8n-core's WorkflowExecute, with a real
 * Workflow object, the input items handed to the first as a trigger would, and the credential
 * applied by n8n's request helpers. Returns each node's output (or error) by name.
 */
export async function runChain(options: ChainOptions) {
	const nodes: INode[] = options.steps.map((step, index) => ({
		id: `umeeting-${index}`,
		name: step.name,
		type: step.asTool ? 'n8n-nodes-umeeting.uMeetingTool' : 'n8n-nodes-umeeting.uMeeting',
		typeVersion: 1,
		position: [index * 200, 0],
		parameters: step.parameters,
		credentials: { uMeetingApi: { id: '1', name: 'UMeeting account' } },
		...(step.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	}));
	const connections = Object.fromEntries(
		nodes
			.slice(0, -1)
			.map((node, index) => [
				node.name,
				{ main: [[{ node: nodes[index + 1].name, type: 'main' as const, index: 0 }]] },
			]),
	);
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes,
		connections,
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
		executionData: { nodeExecutionStack: [{ node: nodes[0], data: { main: [items] }, source: null }] },
	});
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	const run = await finished.promise;
	const outputs: Record<string, INodeExecutionData[] | undefined> = {};
	const errors: Record<string, NodeError> = {};
	for (const node of nodes) {
		const nodeRun = run.data.resultData.runData[node.name]?.[0];
		outputs[node.name] = nodeRun?.data?.main?.[0] ?? undefined;
		errors[node.name] = nodeRun?.error as NodeError;
	}
	return { run, outputs, errors, error: run.data.resultData.error as NodeError };
}

/** Runs a single UMeeting node (named "UMeeting") on the given items. */
export async function runUMeeting(options: RunOptions): Promise<RunResult> {
	const { run, outputs, errors, error } = await runChain({
		steps: [
			{
				name: 'UMeeting',
				parameters: options.parameters,
				continueOnFail: options.continueOnFail,
				asTool: options.asTool,
			},
		],
		items: options.items,
		credentials: options.credentials,
		workflowTimeZone: options.workflowTimeZone,
	});
	return { run, output: outputs.UMeeting, error: errors.UMeeting ?? error };
}
