import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { zonesOf } from '../meetings/zones';
import { DEFAULT_TIMEOUT_MS } from '../transport';
import { openSession } from '../transport/session';
import { observe } from './observe';
import { eventItem, selectAndOrder } from './output';
import { asNodeError, type Reader } from './read';
import { sampleEvent } from './sample';
import { readSettings, type TriggerSettings } from './settings';
import { FAILURES_KEY, hasState, POLL_LEASE_MS, POLLING_KEY, readState, STATE_KEY } from './state';

/**
 * Failed polls in a row that are only logged; from this one on, each failed poll is thrown to
 * n8n, which records a failed execution and runs the workflow's Error Workflow.
 */
export const FAILURES_BEFORE_REPORTING = 3;

/**
 * The trigger's poll, as n8n calls it: at activation (the first poll, which records the present),
 * then at every Poll Time; in the editor's manual run it returns a sample instead.
 *
 * Errors follow n8n's Gmail Trigger: thrown in a manual run and on the first poll (so a wrong
 * credential or Base URL fails the activation with its reason); later, a failed poll is logged and
 * reports nothing, and the state stays as it was, so the next good poll reports what happened in
 * the meantime, each event once. Failures that persist (FAILURES_BEFORE_REPORTING polls in a row,
 * such as a revoked API secret) are thrown to n8n so that they show in the executions list and
 * reach the Error Workflow instead of staying in the log.
 */
export async function pollUMeeting(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(this);
	const now = Date.now();
	if (this.getMode() === 'manual') {
		const { reader, zones } = await open(this, settings);
		const found = await sampleEvent(reader, settings.events, now);
		return [[eventItem(found, zones, settings.includeHostSecrets)]];
	}

	const staticData = this.getWorkflowStaticData('node');
	// n8n starts a poll at each Poll Time even if the one before is still running (a slow service,
	// a long list at a low Max Requests per Second): two polls from the same state would report
	// the same events twice, so the later one stands back.
	const running = staticData[POLLING_KEY];
	if (typeof running === 'number' && now >= running && now - running < POLL_LEASE_MS) {
		this.logger.warn('UMeeting Trigger: the previous poll is still running; this poll is skipped', {
			node: this.getNode().name,
			workflowId: this.getWorkflow().id,
		});
		return null;
	}
	staticData[POLLING_KEY] = now;
	// Read before the first request: whether a state exists decides how a failure is handled.
	let hasSaved = hasState(staticData[STATE_KEY]);
	try {
		const { reader, zones, scope } = await open(this, settings);
		const saved = readState(staticData[STATE_KEY], scope);
		hasSaved = saved !== undefined;
		const { state, found, warnings, withheld } = await observe(reader, saved, {
			scope,
			now,
			events: settings.events,
			recordingWaitMs: settings.recordingWaitMs,
		});
		// The items are built before the state moves on: a failure here leaves the events to the next poll.
		const items = selectAndOrder(found, settings.events).map((entry) =>
			eventItem(entry, zones, settings.includeHostSecrets),
		);
		const meta = { node: this.getNode().name, workflowId: this.getWorkflow().id };
		for (const warning of warnings) this.logger.warn(`UMeeting Trigger: ${warning}`, meta);
		if (withheld) {
			this.logger.info(
				`UMeeting Trigger: ${withheld} event(s) of newly selected kinds happened before this poll and are not reported`,
				meta,
			);
		}
		this.logger.debug(`UMeeting Trigger poll: ${items.length} event(s)`, {
			...meta,
			requests: reader.requests,
			firstPoll: !saved,
		});
		// Only a poll that succeeded as a whole moves the state on.
		staticData[STATE_KEY] = state;
		delete staticData[FAILURES_KEY];
		return items.length ? [items] : null;
	} catch (caught) {
		const error = asNodeError(this, caught);
		if (!hasSaved) throw error;
		const failures = (typeof staticData[FAILURES_KEY] === 'number' ? staticData[FAILURES_KEY] : 0) + 1;
		staticData[FAILURES_KEY] = failures;
		if (failures >= FAILURES_BEFORE_REPORTING) throw error;
		const { message, description } = error;
		this.logger.warn(
			`UMeeting Trigger: poll failed (${failures} in a row), nothing reported; the next poll catches up: ${message}`,
			{
				node: this.getNode().name,
				workflowId: this.getWorkflow().id,
				description: description ?? null,
			},
		);
		return null;
	} finally {
		delete staticData[POLLING_KEY];
	}
}

async function open(context: IPollFunctions, settings: TriggerSettings) {
	const session = await openSession(context, {
		timeout: DEFAULT_TIMEOUT_MS,
		maxPerSecond: settings.maxPerSecond,
	});
	const zones = zonesOf({
		timeZone: settings.timeZone,
		workflowTimeZone: context.getTimezone(),
		serviceTimeZone: session.serviceTimeZone,
	});
	const reader: Reader = { context, session, userKey: settings.userKey, requests: {}, starts: new Map() };
	// Another account (Base URL) or another User Key: the state recorded for the old one does not apply.
	const scope = `${session.credentials.baseUrl.trim()}|${settings.userKey}`;
	return { reader, zones, scope };
}
