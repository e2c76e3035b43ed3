import { UMeetingSimulator, type SimulatorOptions } from '../simulator';
import type { EndpointContext } from '../simulator/endpoints/context';

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

/** What the simulator's endpoints need when a test calls them in-process (fast, for many meetings). */
export function endpointContext(simulator: UMeetingSimulator): EndpointContext {
	return { store: simulator.store, publicUrl: simulator.url, clock: simulator.clock, pathParams: {} };
}
