import { PollContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
	type IWorkflowExecuteAdditionalData,
	type Logger,
	type WorkflowActivateMode,
} from 'n8n-workflow';

import { UMeetingTrigger } from '../../nodes/UMeeting/UMeetingTrigger.node';
import { TestCredentialsHelper } from './engine';
import { stub } from './stub';

const TRIGGER_TYPE = 'n8n-nodes-umeeting.uMeetingTrigger';
export const TRIGGER_NAME = 'UMeeting Trigger';

class TriggerNodeTypes implements INodeTypes {
	private readonly trigger = new UMeetingTrigger();

	getByName(): INodeType | IVersionedNodeType {
		return this.trigger;
	}

	getByNameAndVersion(): INodeType {
		return this.trigger;
	}

	getKnownTypes() {
		return {};
	}
}

export interface LogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	meta?: unknown;
}

export interface PollOutcome {
	/** The poll's items; undefined when it returned null (nothing to report). */
	items?: INodeExecutionData[];
	/** What the poll threw. */
	error?: Error & { description?: string | null; httpCode?: string | null };
}

export interface TriggerOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	workflowTimeZone?: string;
}

/**
 * The trigger as n8n runs it in an active workflow, modelled on n8n's ActiveWorkflows and
 * ActiveWorkflowManager: a real Workflow (whose static data n8n-core wraps in an ObservableObject)
 * and n8n-core's own PollContext around the node's poll. The first poll after (re)activation is the
 * activation's test poll, whose error fails the activation; static data is written to the "database"
 * (`saved`, a JSON copy) after the activation and whenever a poll emits items, as n8n does (a poll
 * that returns null changes only the in-memory copy). restart() builds the workflow again from the
 * saved copy, as n8n does when it starts.
 */
export class TriggerHarness {
	/** The workflow's static data as n8n last saved it. */
	saved: IDataObject = {};

	readonly logs: LogLine[] = [];

	polls = 0;

	private workflow!: Workflow;

	private activation: WorkflowActivateMode = 'activate';

	private activated = false;

	readonly node: INode;

	constructor(private readonly options: TriggerOptions) {
		this.node = {
			id: 'umeeting-trigger',
			name: TRIGGER_NAME,
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				...options.parameters,
			},
			credentials: { uMeetingApi: { id: '1', name: 'UMeeting account' } },
		};
		this.load();
	}

	/** The trigger node's static data as it is in memory now. */
	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	/** Changes the node's parameters (as saving the workflow in the editor does) and reactivates it. */
	setParameters(parameters: INodeParameters) {
		this.node.parameters = { ...this.node.parameters, ...parameters };
		this.load();
		this.activation = 'update';
	}

	/** n8n stops and starts again: the workflow is read back from the database. */
	restart() {
		this.load();
		this.activation = 'init';
	}

	/** One poll of the active workflow (the first after (re)activation is the activation's). */
	async poll(): Promise<PollOutcome> {
		const activating = !this.activated;
		const outcome = await this.run('trigger', activating ? this.activation : 'activate');
		this.polls++;
		if (activating) {
			if (outcome.error) return outcome;
			this.activated = true;
			this.save();
		} else if (outcome.items) this.save();
		return outcome;
	}

	/** The editor's manual run ("Fetch Test Event"): n8n-core's WorkflowExecute gives it mode manual. */
	async manual(): Promise<PollOutcome> {
		return await this.run('manual', 'manual');
	}

	private async run(mode: 'trigger' | 'manual', activation: WorkflowActivateMode): Promise<PollOutcome> {
		const additionalData = stub<IWorkflowExecuteAdditionalData>({
			credentialsHelper: new TestCredentialsHelper(this.options.credentials),
			currentNodeParameters: undefined,
		});
		const context = new PollContext(this.workflow, this.node, additionalData, mode, activation);
		Object.defineProperty(context, 'logger', { value: this.logger() });
		try {
			const result = await new UMeetingTrigger().poll.call(context);
			return { items: result?.[0] };
		} catch (error) {
			return { error: error as PollOutcome['error'] };
		}
	}

	private logger(): Logger {
		const line = (level: LogLine['level']) => (message: string, meta?: unknown) => {
			this.logs.push({ level, message, meta });
		};
		return {
			error: line('error'),
			warn: line('warn'),
			info: line('info'),
			debug: line('debug'),
		} as unknown as Logger;
	}

	private save() {
		this.saved = JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
	}

	private load() {
		this.activated = false;
		this.workflow = new Workflow({
			id: 'trigger-workflow',
			name: 'UMeeting Trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: new TriggerNodeTypes(),
			staticData: JSON.parse(JSON.stringify(this.saved)) as IDataObject,
			settings: this.options.workflowTimeZone ? { timezone: this.options.workflowTimeZone } : {},
		});
	}
}

/** Bytes of the trigger node's static data as n8n stores it (JSON). */
export function stateBytes(staticData: IDataObject): number {
	return Buffer.byteLength(JSON.stringify(staticData));
}

/** The `event` of each item, with its meeting number: "meetingEnded 1770000123". */
export function eventsOf(items: INodeExecutionData[] | undefined): string[] {
	return (items ?? []).map(({ json }) => `${String(json.event)} ${String(json.meeting_id)}`);
}

/** Polls and expects the poll to succeed; gives "event meetingId" per item. */
export async function pollEvents(harness: TriggerHarness): Promise<string[]> {
	const outcome = await harness.poll();
	expect(outcome.error).toBeUndefined();
	return eventsOf(outcome.items);
}

/** Books a meeting as another UMeeting client would: the defaults, changed by `fields`; gives its number. */
export async function bookThrough(
	simulator: { url: string; apiKey: string; apiSecret: string },
	defaults: Record<string, string>,
	fields: Record<string, string> = {},
): Promise<string> {
	const data = await callService(simulator, 'share/schedule', { ...defaults, ...fields });
	return String(data.meeting_id);
}

/** Calls the simulator as another UMeeting client would (someone booking or ending meetings). */
export async function callService(
	simulator: { url: string; apiKey: string; apiSecret: string },
	path: string,
	form: Record<string, string>,
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
): Promise<Record<string, any>> {
	const response = await fetch(`${simulator.url}/umeeting/${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ ...form, api_key: simulator.apiKey, api_secret: simulator.apiSecret }),
	});
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the service (or n8n) sends it; the expectations check its shape
	const body = (await response.json()) as { status: number; message: string; data?: Record<string, any> };
	if (body.status !== 200) throw new Error(`${path}: ${body.message}`);
	return body.data ?? {};
}

/** Every timer stays real (HTTP, n8n's sleeps); only Date is under the test's control. */
export function fakeDateOnly() {
	jest.useFakeTimers({
		doNotFake: [
			'hrtime',
			'nextTick',
			'performance',
			'queueMicrotask',
			'setImmediate',
			'clearImmediate',
			'setInterval',
			'clearInterval',
			'setTimeout',
			'clearTimeout',
		],
	});
}

/** An instant given as wall time in Asia/Shanghai, the simulator's service zone. */
export const shanghai = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);

/**
 * n8n's clock (Date only) and the service's clock move together; each test starts at `start`
 * (Shanghai wall time). Returns `at(text)`, which moves both to a later Shanghai wall time.
 */
export function useSharedClock(simulator: { advanceTo(now: Date): void }, start = '2026-12-01 08:00:00') {
	const at = (text: string) => {
		const now = shanghai(text);
		jest.setSystemTime(now);
		simulator.advanceTo(now);
	};
	beforeEach(() => {
		fakeDateOnly();
		at(start);
	});
	afterEach(() => jest.useRealTimers());
	return at;
}
