import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ReadParameter } from './parameters';

/** What every item of one node run shares, known before any item is prepared. */
export interface RunInfo {
	/** The credential's Service Time Zone: the zone of every text UMeeting reads and writes. */
	serviceTimeZone: string;
	/** Whether the node runs as an AI agent's tool, where all output reaches the model. */
	asTool: boolean;
	/** Reads an item's parameter; a parameter without an expression is read once for the run. */
	parameter: ReadParameter;
	/** What the items of the run share, by name (one listing of the live meetings: sameMeeting.ts). */
	shared: Map<string, unknown>;
}

/** Sends what `prepare` checked and built; gives the item's output (pairedItem is added by the router). */
export type Send = () => Promise<INodeExecutionData[]>;

/**
 * Reads and checks one item's parameters and builds its request without changing anything, so that
 * the router can check every item before the first write leaves. An operation whose check needs
 * the service's data (Update reads the meeting) reads it here; it never writes here.
 */
export type Prepare = (this: IExecuteFunctions, itemIndex: number, run: RunInfo) => Send | Promise<Send>;

export interface Operation {
	description: INodeProperties[];
	prepare: Prepare;
	/**
	 * Whether the operation changes meetings: when a later item fails the run, the error then lists
	 * the items already done, so nobody re-runs them blindly.
	 */
	changesMeetings?: boolean;
}

export function jsonItems(data: IDataObject | IDataObject[]): INodeExecutionData[] {
	return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
}
