export { UMeetingSimulator, DEMO_KEY, DEMO_SECRET } from './server';
export type { Fault, FaultOptions, RecordedRequest, SimulatorOptions } from './server';
export { MEETING_NOT_FOUND } from './refusals';
