export const CREDENTIAL_TYPE = 'uMeetingApi';

export interface UMeetingCredentials {
	apiKey: string;
	apiSecret: string;
	baseUrl: string;
	allowInsecureHttp?: boolean;
	/** Absent in credentials saved before the field existed: the default then applies. */
	serviceTimeZone?: string;
}
