export { getTimeZones } from './timeZones';
