import { DateTime } from 'luxon';

export const SERVICE_FORMAT = 'yyyy-MM-dd HH:mm:ss';

/**
 * The service's idea of "now" and of what a zoneless time text means. Times on the wire carry no
 * zone, so every comparison with the clock goes through the one zone the service runs in.
 */
export class ServiceClock {
	private source: () => Date;

	constructor(
		readonly zone: string,
		private readonly initial: () => Date,
	) {
		if (!DateTime.now().setZone(zone).isValid) throw new Error(`unknown time zone "${zone}"`);
		this.source = initial;
	}

	/** A fixed instant, or a function for a clock that keeps moving. */
	set(now: Date | (() => Date)) {
		this.source = typeof now === 'function' ? now : () => now;
	}

	reset() {
		this.source = this.initial;
	}

	now(): DateTime {
		return DateTime.fromJSDate(this.source()).setZone(this.zone);
	}

	/** The instant a checked service time text stands for. */
	parse(text: string): DateTime {
		return DateTime.fromFormat(text, SERVICE_FORMAT, { zone: this.zone });
	}

	format(time: DateTime): string {
		return time.setZone(this.zone).toFormat(SERVICE_FORMAT);
	}
}
