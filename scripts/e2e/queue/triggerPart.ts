import { type ExampleWorkflow, SIMULATOR_CREDENTIAL } from '../harness';
import { bookMeeting, type PostReceiver, postingWorkflow, sleep, waitFor } from '../trigger';
import { executionsOf, type QueueContext } from './context';

export const TRIGGER_WORKFLOW_ID = 'umQueueE2eTrig01';

/** Longest wait for one poll every minute (n8n picks a random second of each minute). */
const POLL_WAIT_MS = 150_000;

/**
 * The UMeeting Trigger, active on the main process from its start: Meeting Started, Ended and
 * Recording Ready go to a receiver through an HTTP Request node. (Meeting Scheduled is left out: the
 * bursts schedule hundreds of meetings meanwhile.)
 */
export function triggerWorkflow(receiverUrl: string): ExampleWorkflow {
	const workflow = postingWorkflow(
		TRIGGER_WORKFLOW_ID,
		'Queue e2e: UMeeting Trigger',
		{ events: ['meetingStarted', 'meetingEnded', 'recordingReady'] },
		`${receiverUrl}/events`,
	);
	workflow.nodes[0].credentials = { uMeetingApi: SIMULATOR_CREDENTIAL };
	return workflow;
}

/**
 * The main polls, the workers run what the trigger emits, the trigger's state lives in PostgreSQL:
 * a meeting is booked and started (the simulator's clock moves), Meeting Started arrives; the main
 * stops, the meeting ends meanwhile, the main starts again and polls from the state in the
 * database: Meeting Ended and Recording Ready arrive, nothing arrives twice.
 */
export async function runTriggerPart(context: QueueContext, receiver: PostReceiver) {
	const { cluster, postgres, simulator, checks, report } = context;
	checks.within(`${context.label} UMeeting Trigger in queue mode`);
	let shift = 0;
	const move = (ms: number) => {
		shift += ms;
		simulator.setNow(() => new Date(Date.now() + shift));
	};
	const events = () =>
		receiver.at('/events').map((post) => `${String(post.body.event)} ${String(post.body.meeting_id)}`);
	const before = events().length;
	checks.equal(
		before,
		0,
		'no event before the meeting is booked (the bursts schedule meetings two days ahead)',
	);

	const start = new Date(simulator.clock.now().toMillis() + 10 * 60_000);
	const booked = await bookMeeting(simulator, start, 'Queue trigger review');
	move(11 * 60_000);
	await waitFor('Meeting Started', POLL_WAIT_MS, () => events().length >= 1);
	const [stored] = postgres.sql(
		`SELECT "staticData" FROM workflow_entity WHERE id = '${TRIGGER_WORKFLOW_ID}'`,
		postgres.database,
	);
	checks.that(
		(stored?.join('|') ?? '').includes(booked),
		"the trigger's state (static data) in PostgreSQL knows the started meeting",
		stored,
	);

	await cluster.stop(cluster.main);
	move(31 * 60_000);
	const restarted = Date.now();
	await cluster.startMain();
	await waitFor(
		'Meeting Ended and Recording Ready after the restart',
		POLL_WAIT_MS,
		() => events().length >= 3,
	);
	const restartSeconds = (Date.now() - restarted) / 1000;
	await sleep(5_000);
	checks.equal(
		events(),
		[`meetingStarted ${booked}`, `meetingEnded ${booked}`, `recordingReady ${booked}`],
		'Started before the restart, Ended and Recording Ready after it: each exactly once',
	);

	const executions = executionsOf(postgres, TRIGGER_WORKFLOW_ID);
	const onWorkers = new Set(cluster.workers.flatMap((worker) => cluster.executionsTakenBy(worker)));
	checks.that(executions.length >= 2, 'the trigger started executions (one per poll with news)', executions);
	checks.that(
		executions.every((execution) => execution.mode === 'trigger' && execution.status === 'success'),
		'they are trigger executions and succeeded',
		executions,
	);
	checks.that(
		executions.every((execution) => onWorkers.has(execution.id)),
		"each was run by a worker (from the workers' logs), not by the main",
		{ executions, onWorkers: [...onWorkers].slice(-20) },
	);
	report.trigger = {
		events: events().map((event) => event.split(' ')[0]),
		executionsOnWorkers: executions.filter((execution) => onWorkers.has(execution.id)).length,
		restartSeconds,
	};
}
