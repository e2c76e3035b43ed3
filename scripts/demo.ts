import { runUMeeting } from '../test/helpers/engine';
import { UMeetingSimulator } from '../test/simulator';

/**
 * `npm run demo`: starts the UMeeting simulator on loopback and schedules a sample recurring
 * meeting through the UMeeting node inside n8n's workflow engine, then prints the output items.
 */
async function main() {
	process.env.N8N_USER_FOLDER ??= `${process.cwd()}/.cache/demo-n8n`;
	const simulator = new UMeetingSimulator();
	const url = await simulator.start();
	console.log(`UMeeting simulator on ${url}`);
	try {
		const { output, error } = await runUMeeting({
			credentials: { apiKey: simulator.apiKey, apiSecret: simulator.apiSecret, baseUrl: url },
			workflowTimeZone: 'Asia/Shanghai',
			items: [{ customer: 'ACME Corp', when: '2026-12-07T09:30:00' }],
			parameters: {
				resource: 'meeting',
				operation: 'schedule',
				topic: '=Kick-off with {{ $json.customer }}',
				meetingCapacity: 8,
				startTime: '={{ $json.when }}',
				duration: 45,
				timeZone: 'workflow',
				additionalFields: { muteUponEntry: true, waitingRoom: true, recording: 'cloud' },
				recurrence: { rule: { type: 'weekly', weeklyDays: ['monday'], endBy: 'times', endTimes: 3 } },
			},
		});
		if (error) throw new Error(`${error.message}\n${error.description ?? ''}`);
		const [request] = simulator.requests;
		console.log('\nForm body the node sent (secret masked):');
		console.log(request.rawBody.replace(/api_secret=[^&]*/, 'api_secret=***'));
		console.log('\nOutput items:');
		console.log(JSON.stringify(output, null, 2));
		const meeting = output![0].json;
		console.log(`\nScheduled meeting ${meeting.meeting_id} at ${meeting.start_time} (Asia/Shanghai)`);
		console.log(`Join URL: ${meeting.join_url}`);
	} finally {
		await simulator.stop();
	}
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		console.error(error.message);
		process.exit(1);
	},
);
