import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	createDeferredPromise,
	createRunExecutionData,
	Workflow,
	type ICredentialDataDecryptedObject,
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { UMeeting } from '../nodes/UMeeting/UMeeting.node';
import { TestCredentialsHelper } from '../test/helpers/engine';
import { stub } from '../test/helpers/stub';
import { BareSchedule } from './bare/BareSchedule.node';

/** The two node types the engine benchmark runs: ours and the bare-helper floor. */
const TYPES: Record<string, INodeType> = { uMeeting: new UMeeting(), bareSchedule: new BareSchedule() };

const nodeTypes: INodeTypes = {
	getByName: (name) => TYPES[name],
	getByNameAndVersion: (name) => TYPES[name],
	getKnownTypes: () => ({}),
};

/**
 * One node of the given type run on `count` items ({ n }) inside n8n-core's WorkflowExecute, the
 * same way for both node types, so that their difference is the nodes' own work. Fails unless
 * every item gave one output item.
 */
export async function runNode(
	type: keyof typeof TYPES,
	parameters: INodeParameters,
	count: number,
	credentials: ICredentialDataDecryptedObject,
): Promise<void> {
	const node: INode = {
		id: 'bench-node',
		name: 'Node',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { uMeetingApi: { id: '1', name: 'UMeeting account' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const hooks = new ExecutionLifecycleHooks('manual', 'bench-execution', stub());
	const finished = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (run) => finished.resolve(run));
	const additionalData = stub<IWorkflowExecuteAdditionalData>({
		hooks,
		currentNodeParameters: undefined,
		credentialsHelper: new TestCredentialsHelper(credentials),
	});
	const items = Array.from({ length: count }, (_, n) => ({ json: { n } }));
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [items] }, source: null }] },
	});
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	const nodeRun = (await finished.promise).data.resultData.runData[node.name]?.[0];
	const output = nodeRun?.data?.main?.[0];
	if (nodeRun?.error || output?.length !== count)
		throw new Error(`${type} run failed: ${nodeRun?.error?.message ?? `${output?.length} items`}`);
}
