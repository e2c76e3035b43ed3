import { UMeetingSimulator, type SimulatorOptions } from '../simulator';

/** Starts a fresh simulator for the test file and gives the credential pointing at it. */
export function useSimulator(options: SimulatorOptions = {}) {
	const simulator = new UMeetingSimulator(options);
	beforeAll(async () => {
		await simulator.start();
	});
	afterAll(async () => {
		await simulator.stop();
	});
	beforeEach(() => simulator.reset());
	return {
		simulator,
		credentials: () => ({
			apiKey: simulator.apiKey,
			apiSecret: simulator.apiSecret,
			baseUrl: simulator.url,
			serviceTimeZone: simulator.clock.zone,
		}),
	};
}
